"use client";

// The English catalog, a chunk of its own (see catalog.tsx).
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import messages from "@/messages/en.json";

export default function EnglishCatalog(props: { timeZone: string; children: ReactNode }) {
  return <NextIntlClientProvider locale="en" messages={messages} {...props} />;
}
