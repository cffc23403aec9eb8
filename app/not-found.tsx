// Requests outside any locale (the proxy sends nearly everything to one) end here.
import Link from "next/link";

export default function RootNotFound() {
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
