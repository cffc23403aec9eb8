// Requests outside any locale (the proxy sends nearly everything to one) end here.
import Link from "next/link";
import { connection } from "next/server";

export default async function RootNotFound() {
  // Rendered per request, so that Next.js's scripts carry the request's CSP nonce.
  await connection();
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem", textAlign: "center" }}>
        <h1>Page not found</h1>
        <p>
          <Link href="/">Yomikai</Link>
        </p>
      </body>
    </html>
  );
}
