import { notFound } from "next/navigation";

// Any path under a locale that no page answers: the locale's own not-found page, rendered per
// request inside its layout (its language switch and header work, its scripts carry the nonce)
// rather than the root's static one.
export default function UnknownPage() {
  notFound();
}
