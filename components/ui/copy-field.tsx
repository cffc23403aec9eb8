"use client";

import { useId, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "./button";

/** Copies `text` to the clipboard and says so for two seconds (announced to screen readers). */
export function CopyButton({ text }: { text: string }) {
  const t = useTranslations("common");
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="secondary"
      onClick={async () => {
        await navigator.clipboard?.writeText(text).catch(() => undefined);
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      <span aria-live="polite">{copied ? t("copied") : t("copy")}</span>
    </Button>
  );
}

/**
 * A link to hand on (an invite, a calendar feed, published minutes): its label, the link in a
 * read-only field that selects itself on focus, a Copy button and any further buttons.
 */
export function CopyField({
  label,
  value,
  hideLabel = false,
  children,
  ...rest
}: {
  label: string;
  value: string;
  hideLabel?: boolean;
  children?: ReactNode;
} & { [data: `data-${string}`]: string | boolean | undefined }) {
  const id = useId();
  return (
    <div className="min-w-0 space-y-1" {...rest}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "block text-sm font-medium"}>
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className="min-h-10 w-full min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 font-mono text-xs"
        />
        <div className="flex gap-2">
          <CopyButton text={value} />
          {children}
        </div>
      </div>
    </div>
  );
}
