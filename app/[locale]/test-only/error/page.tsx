import { notFound } from "next/navigation";
import { connection } from "next/server";
import { env } from "@/lib/env";

// Tests only (E2E_TEST_CLOCK on): a page that fails as it renders, so the suite sees the error
// page as a visitor would. Everywhere else it does not exist.
export default async function FailingPage() {
  await connection();
  if (!env().testClock) notFound();
  throw new Error("This page fails on purpose (tests only).");
}
