"use client";

// The paper's PDF in the reading room, drawn by pdf.js's own viewer (pages, text layer, search):
// page and zoom controls, search with match counts, keyboard shortcuts, and the two ways to quote
// — select text and press "Quote", or turn on "Quote a figure" and drag a rectangle over a figure.
// This module and pdf.js load only when the reader opens the paper.
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from "react";
import { useLocale, useTranslations } from "next-intl";
import "pdfjs-dist/web/pdf_viewer.css";
import { pdfjsAssets } from "@/lib/papers/pdfjs-assets";
import { citationLine, imageMarkdown, quoteMarkdown } from "@/lib/readings/images";
import { readRoomMemory, rememberRoom } from "./memory";
import { useReadingRoom } from "./room";
import { uploadImage, type UploadRefusal } from "./upload-image";

type PdfJs = typeof import("pdfjs-dist");
type ViewerLib = typeof import("pdfjs-dist/web/pdf_viewer.mjs");
type Viewer = InstanceType<ViewerLib["PDFViewer"]>;
type EventBus = InstanceType<ViewerLib["EventBus"]>;
type PdfDocument = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;

export type LoadFailure = "noPdf" | "notPdf" | "tooLarge" | "refused" | "unavailable" | "broken";

let libraries: Promise<{ pdfjs: PdfJs; viewer: ViewerLib }> | null = null;

/** pdf.js, then its viewer (which reads pdf.js from globalThis as it loads), once per page. */
function loadLibraries() {
  libraries ??= (async () => {
    const pdfjs = await import("pdfjs-dist");
    (globalThis as { pdfjsLib?: PdfJs }).pdfjsLib = pdfjs;
    pdfjs.GlobalWorkerOptions.workerSrc = pdfjsAssets.worker;
    const viewer = await import("pdfjs-dist/web/pdf_viewer.mjs");
    return { pdfjs, viewer };
  })().catch((error: unknown) => {
    // A chunk that failed to load (a dropped connection) is asked for again next time.
    libraries = null;
    throw error;
  });
  return libraries;
}

/** The PDF's bytes, with progress; or why the server could not give them. */
async function fetchPdf(
  readingId: string,
  onProgress: (percent: number | null) => void,
  signal: AbortSignal,
): Promise<{ ok: true; data: Uint8Array } | { ok: false; reason: LoadFailure }> {
  let res: Response;
  try {
    res = await fetch(`/api/readings/${readingId}/pdf`, { signal });
  } catch {
    return { ok: false, reason: "unavailable" };
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { reason?: string } } | null;
    const reason = body?.error?.reason;
    const known: LoadFailure[] = ["noPdf", "notPdf", "tooLarge", "refused", "unavailable"];
    return {
      ok: false,
      reason: known.includes(reason as LoadFailure) ? (reason as LoadFailure) : "unavailable",
    };
  }
  const total = Number(res.headers.get("content-length") ?? 0);
  const reader = res.body!.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(total ? Math.min(99, Math.round((received / total) * 100)) : null);
  }
  const data = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    data.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, data };
}

type Status =
  | { kind: "loading"; percent: number | null }
  | { kind: "ready" }
  | { kind: "failed"; reason: LoadFailure };

type Drag = { x0: number; y0: number; x1: number; y1: number };

const toolButton =
  "rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800 hover:bg-slate-50 disabled:opacity-50";

/** A toolbar button that shows a sign (‹ − ↑) and says what it does to assistive technology. */
function ToolButton({
  label,
  onClick,
  disabled,
  submit = false,
  children,
}: {
  label: string;
  onClick?: () => void;
  disabled: boolean;
  submit?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type={submit ? "submit" : "button"}
      className={toolButton}
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      title={label}
    >
      {children}
    </button>
  );
}

const ZOOM_STEP = 1.2;

export default function PdfViewer() {
  const room = useReadingRoom();
  const t = useTranslations("room");
  const locale = useLocale();
  const frame = useRef<HTMLDivElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const viewerElement = useRef<HTMLDivElement>(null);
  const viewer = useRef<Viewer | null>(null);
  const bus = useRef<EventBus | null>(null);
  const doc = useRef<PdfDocument | null>(null);
  const task = useRef<{ destroy(): Promise<void> } | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>({ kind: "loading", percent: null });
  const [page, setPage] = useState(1);
  const [pageInput, setPageInput] = useState("1");
  const [pages, setPages] = useState(0);
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<{ current: number; total: number } | null>(null);
  // While a figure is picked: the size of what the pages cover, for the layer that catches the drag.
  const [cropping, setCroppingState] = useState<{ width: number; height: number } | null>(null);
  const setCropping = useCallback((on: boolean | ((was: boolean) => boolean)) => {
    setCroppingState((was) => {
      const next = typeof on === "function" ? on(was !== null) : on;
      const root = container.current;
      return next && root ? { width: root.scrollWidth, height: root.scrollHeight } : null;
    });
  }, []);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [selection, setSelection] = useState<{
    text: string;
    page: number;
    x: number;
    y: number;
  } | null>(null);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const readingId = room?.readingId ?? "";

  useEffect(() => {
    if (!readingId) return;
    const abort = new AbortController();
    let destroyed = false;
    // Read before pdf.js reports its first page, which would overwrite it.
    const resumePage = readRoomMemory(readingId).page;
    (async () => {
      const [{ pdfjs, viewer: lib }, pdf] = await Promise.all([
        loadLibraries(),
        fetchPdf(readingId, (percent) => setStatus({ kind: "loading", percent }), abort.signal),
      ]);
      if (destroyed) return;
      if (!pdf.ok) return setStatus({ kind: "failed", reason: pdf.reason });
      const eventBus = new lib.EventBus();
      const linkService = new lib.PDFLinkService({ eventBus });
      const findController = new lib.PDFFindController({ eventBus, linkService });
      const pdfViewer = new lib.PDFViewer({
        container: container.current!,
        viewer: viewerElement.current!,
        eventBus,
        linkService,
        findController,
        removePageBorders: true,
      });
      linkService.setViewer(pdfViewer);
      eventBus.on("pagesinit", () => {
        pdfViewer.currentScaleValue = "page-width";
        // Back on the page the reader was reading before a reload.
        if (resumePage > 1 && resumePage <= pdfViewer.pagesCount)
          pdfViewer.currentPageNumber = resumePage;
      });
      eventBus.on("pagechanging", (e: { pageNumber: number }) => {
        setPage(e.pageNumber);
        setPageInput(String(e.pageNumber));
        rememberRoom(readingId, { page: e.pageNumber });
      });
      eventBus.on(
        "updatefindmatchescount",
        (e: { matchesCount: { current: number; total: number } }) => setMatches(e.matchesCount),
      );
      eventBus.on(
        "updatefindcontrolstate",
        (e: { matchesCount: { current: number; total: number } }) => setMatches(e.matchesCount),
      );
      try {
        const loading = pdfjs.getDocument({
          data: pdf.data,
          cMapUrl: pdfjsAssets.cMapUrl,
          cMapPacked: true,
          standardFontDataUrl: pdfjsAssets.standardFontDataUrl,
          wasmUrl: pdfjsAssets.wasmUrl,
          iccUrl: pdfjsAssets.iccUrl,
        });
        task.current = loading;
        const loaded = await loading.promise;
        if (destroyed) return;
        doc.current = loaded;
        viewer.current = pdfViewer;
        bus.current = eventBus;
        pdfViewer.setDocument(loaded);
        linkService.setDocument(loaded, null);
        setPages(loaded.numPages);
        setStatus({ kind: "ready" });
      } catch {
        if (!destroyed) setStatus({ kind: "failed", reason: "broken" });
      }
    })().catch(() => !destroyed && setStatus({ kind: "failed", reason: "unavailable" }));
    return () => {
      destroyed = true;
      abort.abort();
      void task.current?.destroy();
      task.current = null;
      doc.current = null;
      viewer.current = null;
      bus.current = null;
    };
  }, [readingId]);

  // A pane that changes width (the window, a phone turned, the panel's tab shown) keeps the page
  // fitted to it while the reader has not zoomed by hand.
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    let width = root.clientWidth;
    const observer = new ResizeObserver(() => {
      const v = viewer.current;
      if (!v || root.clientWidth === width || root.clientWidth === 0) return;
      width = root.clientWidth;
      if (v.currentScaleValue !== "page-width") return;
      // pdf.js re-fits to where it last saw the reader scrolled, which lags a page turned in the
      // same frame (a key press, the page restored after a reload while the scroll bar appears):
      // it would take the reader back a page and remember that. Keep the page they are on.
      const page = v.currentPageNumber;
      v.currentScaleValue = "page-width";
      if (v.currentPageNumber !== page) v.currentPageNumber = page;
    });
    observer.observe(root);
    return () => observer.disconnect();
  }, []);

  const goTo = useCallback(
    (n: number) => {
      const v = viewer.current;
      if (!v || !Number.isFinite(n)) return;
      v.currentPageNumber = Math.min(Math.max(1, Math.round(n)), pages || 1);
    },
    [pages],
  );

  const zoom = useCallback((factor: number | "fit") => {
    const v = viewer.current;
    if (!v) return;
    if (factor === "fit") v.currentScaleValue = "page-width";
    else v.currentScale = Math.min(6, Math.max(0.3, v.currentScale * factor));
  }, []);

  const find = useCallback((text: string, again: boolean, previous = false) => {
    bus.current?.dispatch("find", {
      source: null,
      type: again ? "again" : "",
      query: text,
      caseSensitive: false,
      entireWord: false,
      highlightAll: true,
      findPrevious: previous,
      matchDiacritics: false,
    });
  }, []);

  const say = useCallback((text: string, error = false) => setNotice({ text, error }), []);

  /** Puts text into the answer the reader was last in, and says which one. */
  const insert = useCallback(
    (markdown: string) => {
      const answer = room?.insert(markdown) ?? null;
      say(answer ? t("added", { answer }) : t("noForm"), !answer);
    },
    [room, say, t],
  );

  // Text selected in the paper offers "Quote" beside it.
  useEffect(() => {
    const onSelection = () => {
      const sel = document.getSelection();
      const root = container.current;
      if (!sel || sel.isCollapsed || !root || !root.contains(sel.anchorNode)) {
        setSelection(null);
        return;
      }
      const text = sel.toString().trim();
      const pageElement = (sel.anchorNode?.parentElement ?? null)?.closest<HTMLElement>(
        ".page[data-page-number]",
      );
      if (!text || !pageElement) return setSelection(null);
      const rect = sel.getRangeAt(0).getBoundingClientRect();
      const box = root.getBoundingClientRect();
      setSelection({
        text,
        page: Number(pageElement.dataset.pageNumber),
        x: Math.min(rect.right - box.left + root.scrollLeft, root.scrollWidth - 80),
        y: rect.bottom - box.top + root.scrollTop + 6,
      });
    };
    document.addEventListener("selectionchange", onSelection);
    return () => document.removeEventListener("selectionchange", onSelection);
  }, []);

  /** The dragged rectangle as a PNG of that part of the page, drawn anew at twice its size. */
  const cropFigure = useCallback(
    async (rect: Drag) => {
      const root = container.current;
      const pdf = doc.current;
      if (!root || !pdf) return;
      const left = Math.min(rect.x0, rect.x1);
      const top = Math.min(rect.y0, rect.y1);
      const width = Math.abs(rect.x1 - rect.x0);
      const height = Math.abs(rect.y1 - rect.y0);
      if (width < 8 || height < 8) return;
      // The page under the rectangle's centre, and the rectangle in that page's own pixels.
      const box = root.getBoundingClientRect();
      const cx = box.left + left - root.scrollLeft + width / 2;
      const cy = box.top + top - root.scrollTop + height / 2;
      const pageElement = [...root.querySelectorAll<HTMLElement>(".page[data-page-number]")].find(
        (p) => {
          const r = p.getBoundingClientRect();
          return cx >= r.left && cx <= r.right && cy >= r.top && cy <= r.bottom;
        },
      );
      if (!pageElement) return;
      const pageBox = pageElement.getBoundingClientRect();
      const x = Math.max(0, box.left + left - root.scrollLeft - pageBox.left);
      const y = Math.max(0, box.top + top - root.scrollTop - pageBox.top);
      const w = Math.min(width, pageBox.width - x);
      const h = Math.min(height, pageBox.height - y);
      const number = Number(pageElement.dataset.pageNumber);
      say(t("adding"));
      const pdfPage = await pdf.getPage(number);
      const cssPerUnit = pageBox.width / pdfPage.getViewport({ scale: 1 }).width;
      // Twice the size on screen, at most 2400 px across: sharp on a projector, small to store.
      const k = Math.min(2, 2400 / Math.max(w, h));
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(w * k);
      canvas.height = Math.round(h * k);
      await pdfPage.render({
        canvas,
        viewport: pdfPage.getViewport({ scale: cssPerUnit * k, offsetX: -x * k, offsetY: -y * k }),
      }).promise;
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
      if (!blob) return say(t("imageErrors.failed"), true);
      const outcome = await uploadImage(readingId, blob);
      if (!outcome.ok) return say(t(`imageErrors.${outcome.reason satisfies UploadRefusal}`), true);
      insert(
        imageMarkdown(
          outcome.id,
          t("figureAlt", { page: number }),
          citationLine(room?.refNumber ?? 1, locale),
        ),
      );
    },
    [insert, locale, readingId, room?.refNumber, say, t],
  );

  const point = (e: PointerEvent<HTMLDivElement>) => {
    const root = container.current!;
    const box = root.getBoundingClientRect();
    return { x: e.clientX - box.left + root.scrollLeft, y: e.clientY - box.top + root.scrollTop };
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const typing = (e.target as HTMLElement).closest("input, textarea, select");
    if (e.key === "Escape") {
      if (cropping) setCropping(false);
      setDrag(null);
      return;
    }
    if ((e.key === "f" && (e.ctrlKey || e.metaKey)) || (e.key === "/" && !typing)) {
      e.preventDefault();
      search.current?.focus();
      search.current?.select();
      return;
    }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    const actions: Record<string, () => void> = {
      ArrowRight: () => goTo(page + 1),
      ArrowLeft: () => goTo(page - 1),
      "+": () => zoom(ZOOM_STEP),
      "=": () => zoom(ZOOM_STEP),
      "-": () => zoom(1 / ZOOM_STEP),
      "0": () => zoom("fit"),
    };
    const action = actions[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  const ready = status.kind === "ready";
  const button = toolButton;

  return (
    <div
      ref={frame}
      onKeyDown={onKeyDown}
      className="flex h-full min-h-0 flex-col overflow-hidden rounded-lg border border-slate-200 bg-slate-100"
      data-testid="pdf-viewer"
    >
      <div
        role="toolbar"
        aria-label={t("panelLabel")}
        className="flex flex-wrap items-center gap-1.5 border-b border-slate-200 bg-white px-2 py-1.5"
      >
        <ToolButton
          label={t("prevPage")}
          onClick={() => goTo(page - 1)}
          disabled={!ready || page <= 1}
        >
          ‹
        </ToolButton>
        <label className="flex items-center gap-1 text-sm text-slate-700">
          <span className="sr-only">{t("pageLabel")}</span>
          <input
            value={pageInput}
            onChange={(e) => setPageInput(e.target.value)}
            onKeyDown={(e) => e.key === "Enter" && goTo(Number(pageInput))}
            onBlur={() => setPageInput(String(page))}
            inputMode="numeric"
            disabled={!ready}
            data-testid="pdf-page"
            className="w-11 rounded border border-slate-300 px-1 py-0.5 text-center tabular-nums"
          />
          <span className="tabular-nums">{t("pageOf", { count: pages || "–" })}</span>
        </label>
        <ToolButton
          label={t("nextPage")}
          onClick={() => goTo(page + 1)}
          disabled={!ready || page >= pages}
        >
          ›
        </ToolButton>
        <span className="mx-1 h-5 w-px bg-slate-200 max-sm:hidden" aria-hidden />
        <ToolButton label={t("zoomOut")} onClick={() => zoom(1 / ZOOM_STEP)} disabled={!ready}>
          −
        </ToolButton>
        <ToolButton label={t("zoomIn")} onClick={() => zoom(ZOOM_STEP)} disabled={!ready}>
          +
        </ToolButton>
        <button type="button" className={button} onClick={() => zoom("fit")} disabled={!ready}>
          {t("fitWidth")}
        </button>
        <span className="mx-1 h-5 w-px bg-slate-200 max-sm:hidden" aria-hidden />
        <form
          role="search"
          className="flex min-w-0 items-center gap-1 max-sm:order-last max-sm:basis-full"
          onSubmit={(e) => {
            e.preventDefault();
            find(query, true);
          }}
        >
          <input
            ref={search}
            type="search"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              find(e.target.value, false);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter" && e.shiftKey) {
                e.preventDefault();
                find(query, true, true);
              }
            }}
            aria-label={t("search")}
            placeholder={t("search")}
            disabled={!ready}
            className="w-36 min-w-0 rounded border border-slate-300 px-2 py-0.5 text-sm max-sm:flex-1 sm:w-44"
          />
          <ToolButton
            label={t("searchPrev")}
            onClick={() => find(query, true, true)}
            disabled={!ready || !query}
          >
            ↑
          </ToolButton>
          <ToolButton label={t("searchNext")} disabled={!ready || !query} submit>
            ↓
          </ToolButton>
          <span className="min-w-16 text-xs text-slate-600 tabular-nums" aria-live="polite">
            {query && matches
              ? matches.total > 0
                ? t("matches", { current: matches.current, total: matches.total })
                : t("noMatches")
              : ""}
          </span>
        </form>
        <button
          type="button"
          className={`${button} ${cropping ? "border-brand-700 bg-brand-50 text-brand-700" : ""}`}
          aria-pressed={cropping !== null}
          onClick={() => setCropping((c) => !c)}
          disabled={!ready}
          data-testid="quote-figure"
        >
          {t("figure")}
        </button>
      </div>
      {cropping ? (
        <p className="border-b border-slate-200 bg-amber-50 px-3 py-1 text-xs text-amber-900">
          {t("figureHint")}
        </p>
      ) : null}
      <div className="relative min-h-0 flex-1">
        <div
          ref={container}
          tabIndex={0}
          aria-label={t("panelLabel")}
          className="absolute inset-0 overflow-auto focus:outline-none"
          data-testid="pdf-scroll"
        >
          <div ref={viewerElement} className="pdfViewer" />
          {cropping ? (
            // Covers the pages while a figure is picked: the drag draws a rectangle, not a selection.
            <div
              className="absolute inset-0 z-10 cursor-crosshair"
              style={{ height: cropping.height, width: cropping.width }}
              data-testid="crop-layer"
              onPointerDown={(e) => {
                e.currentTarget.setPointerCapture(e.pointerId);
                const p = point(e);
                setDrag({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
              }}
              onPointerMove={(e) => {
                if (!drag) return;
                const p = point(e);
                setDrag({ ...drag, x1: p.x, y1: p.y });
              }}
              onPointerUp={() => {
                const done = drag;
                setDrag(null);
                setCropping(false);
                if (done) void cropFigure(done);
              }}
            >
              {drag ? (
                <div
                  className="border-brand-700 bg-brand-500/10 absolute border-2 border-dashed"
                  style={{
                    left: Math.min(drag.x0, drag.x1),
                    top: Math.min(drag.y0, drag.y1),
                    width: Math.abs(drag.x1 - drag.x0),
                    height: Math.abs(drag.y1 - drag.y0),
                  }}
                />
              ) : null}
            </div>
          ) : null}
          {selection && !cropping ? (
            <button
              type="button"
              className="bg-brand-700 absolute z-10 rounded px-2 py-1 text-sm font-medium text-white shadow"
              style={{ left: selection.x, top: selection.y }}
              // Keep the selection: a press on the button must not clear it first.
              onPointerDown={(e) => e.preventDefault()}
              onClick={() => {
                insert(quoteMarkdown(selection.text, selection.page));
                document.getSelection()?.removeAllRanges();
                setSelection(null);
              }}
              data-testid="quote-text"
            >
              {t("quote")}
            </button>
          ) : null}
        </div>
        {status.kind === "loading" ? (
          <p className="absolute inset-x-0 top-8 text-center text-sm text-slate-600" role="status">
            {status.percent === null
              ? t("loading")
              : t("loadingPercent", { percent: status.percent })}
          </p>
        ) : null}
        {status.kind === "failed" ? (
          <div
            className="absolute inset-x-4 top-8 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
            role="alert"
          >
            <p>{t(`errors.${status.reason}`)}</p>
            {room?.paperHref ? (
              <p className="mt-2">
                <a
                  href={room.paperHref}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="text-brand-700 font-medium underline"
                >
                  {t("openElsewhere")}
                </a>
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      <div className="flex items-center justify-between gap-2 border-t border-slate-200 bg-white px-3 py-1 text-xs">
        <p
          role="status"
          data-testid="room-notice"
          className={notice?.error ? "text-red-700" : "text-slate-600"}
        >
          {notice?.text ?? ""}
        </p>
        <p className="hidden text-slate-500 sm:block">{t("keys")}</p>
      </div>
    </div>
  );
}
