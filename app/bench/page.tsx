// The page baseline `npm run bench` compares the app's pages with: a server-rendered page of the
// same build that reads one row and nothing else — no session, no message catalog, no layout.
// Like the route baseline it answers only this run's BENCH_TOKEN; everywhere else it is a 404.
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { idSchema } from "@/lib/ids";
import { benchAuthorised } from "@/lib/bench/token";
import { readBaselineRow } from "@/lib/bench/data";

export const dynamic = "force-dynamic";

export default async function BenchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!benchAuthorised((await headers()).get("x-bench-token"))) notFound();
  const id = idSchema.safeParse((await searchParams).id);
  const row = id.success ? await readBaselineRow(id.data) : null;
  if (!row) notFound();
  return (
    <html lang="en">
      <body>
        <main>
          <h1>{row.paper.title}</h1>
          <p>{row.gist}</p>
        </main>
      </body>
    </html>
  );
}
