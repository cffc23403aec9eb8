import type { ReactNode } from "react";

/** A paper's title, linked to where it can be read when that is known (opens in a new tab). */
export function PaperLink({
  href,
  children,
  className = "",
}: {
  href: string | null;
  children: ReactNode;
  className?: string;
}) {
  if (!href) return <span className={className}>{children}</span>;
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className={`underline decoration-1 underline-offset-2 hover:decoration-2 ${className}`}
    >
      {children}
    </a>
  );
}
