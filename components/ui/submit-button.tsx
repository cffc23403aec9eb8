"use client";

import { useFormStatus } from "react-dom";
import { Button } from "./button";
import type { ButtonHTMLAttributes } from "react";

/** A submit button that shows `pendingLabel` and disables itself while its form is sending. */
export function SubmitButton({
  children,
  pendingLabel,
  variant,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  pendingLabel: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending} {...props}>
      {pending ? pendingLabel : children}
    </Button>
  );
}
