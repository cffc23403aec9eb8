"use client";

// The Japanese catalog, a chunk of its own (see catalog.tsx).
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import messages from "@/messages/ja.json";

export default function JapaneseCatalog(props: { timeZone: string; children: ReactNode }) {
  return <NextIntlClientProvider locale="ja" messages={messages} {...props} />;
}
