// Imported by instrumentation.ts on the Node.js runtime only: stops the process on a bad
// environment, with the same report `npm start` prints (lib/env-schema.mjs).
import { environmentProblems, environmentReport } from "@/lib/env-schema.mjs";

const problems = environmentProblems(process.env);
if (problems.length > 0) {
  console.error(`\n✖ ${environmentReport(problems)}\n`);
  process.exit(1);
}
