"use client";

import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/forms";
import { Notice } from "./notice";

/** Translates the message keys in a form state: errors for one field, or the form's notice. */
export function useFormText(state: FormState) {
  const t = useTranslations();
  return {
    errors(field: string): string[] | undefined {
      return state.fieldErrors?.[field]?.map((key) => t(key));
    },
    value(field: string, fallback = ""): string {
      return state.values?.[field] ?? fallback;
    },
    notice() {
      if (state.status === "error" && state.formError)
        return <Notice tone="error">{t(state.formError)}</Notice>;
      if (state.status === "success" && state.message)
        return <Notice tone="success">{t(state.message)}</Notice>;
      return null;
    },
  };
}
