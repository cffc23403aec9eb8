"use client";

// The reading page's layout around the paper: closed, the page as it always was; open, the PDF on
// the left and the countdown with the form on the right (laptop and wider), or one of the two at a
// time behind tabs with the time left always in view (phone). Both stay mounted when hidden: the
// form keeps its state and the PDF its place.
import { useEffect, useRef, useState, type ReactNode } from "react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useReadingClock } from "@/components/meetings/reading-clock";
import { formatClock, remainingMs, statusAt } from "@/lib/readings/countdown";
import { useReadingRoom } from "./room";

const loadViewer = () => import("./pdf-viewer");
const PdfViewer = dynamic(loadViewer, {
  ssr: false,
  loading: () => <div className="h-full rounded-lg border border-slate-200 bg-slate-100" />,
});

/** Starts fetching the viewer's code before the click (on hover or focus of the open button). */
export function preloadPdfViewer() {
  void loadViewer();
}

function TimeLeft() {
  const clock = useReadingClock();
  if (!clock || clock.now === null) return <span className="font-mono tabular-nums">--:--</span>;
  const remaining = remainingMs(clock.countdown, clock.now);
  const late = statusAt(clock.countdown, clock.now) === "overtime";
  return (
    <span
      className={`font-mono font-bold tabular-nums ${late ? "text-red-700" : "text-slate-900"}`}
      data-testid="room-time-left"
    >
      {formatClock(remaining)}
    </span>
  );
}

/**
 * The reader's column (`work`: countdown and form) and the board, with the paper beside them when
 * it is open. The reader's column keeps its place in the tree either way, so opening the paper
 * never remounts the form.
 */
export function RoomLayout({
  work,
  board,
  className,
}: {
  work: ReactNode;
  board: ReactNode;
  /** The layout's classes while the paper is closed. */
  className: string;
}) {
  const room = useReadingRoom();
  const t = useTranslations("room");
  const [tab, setTab] = useState<"paper" | "summary">("paper");
  const open = room?.open ?? false;
  const frame = useRef<HTMLDivElement>(null);
  // Opened: the paper and the form take the screen (the meeting's header scrolls away).
  useEffect(() => {
    if (open) frame.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  }, [open]);
  const tabClass = (active: boolean) =>
    `flex-1 rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-slate-800 text-white" : "text-slate-700"}`;
  return (
    <div
      ref={frame}
      className={
        open ? "grid items-start gap-4 lg:grid-cols-[minmax(0,1.2fr)_minmax(22rem,1fr)]" : className
      }
      data-room={open || undefined}
    >
      {open ? (
        <div
          role="tablist"
          aria-label={t("tabs")}
          className="sticky top-0 z-20 flex items-center gap-2 rounded-lg border border-slate-200 bg-white p-1 shadow-sm lg:hidden"
        >
          <button
            type="button"
            role="tab"
            aria-selected={tab === "paper"}
            className={tabClass(tab === "paper")}
            onClick={() => setTab("paper")}
          >
            {t("tabPaper")}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === "summary"}
            className={tabClass(tab === "summary")}
            onClick={() => setTab("summary")}
          >
            {t("tabSummary")}
          </button>
          <span className="px-2 text-lg">
            <TimeLeft />
          </span>
        </div>
      ) : null}
      {open ? (
        <section
          aria-label={t("panelLabel")}
          className={`h-[calc(100dvh-5rem)] lg:sticky lg:top-2 lg:block lg:h-[calc(100dvh-1rem)] ${tab === "paper" ? "" : "max-lg:hidden"}`}
        >
          <PdfViewer />
        </section>
      ) : null}
      {work ? (
        <div className={`min-w-0 space-y-6 ${open && tab !== "summary" ? "max-lg:hidden" : ""}`}>
          {work}
          {open ? board : null}
        </div>
      ) : null}
      {open ? null : board}
    </div>
  );
}
