"use client";

// The reading room's shared state on the reading page: whether the paper is open beside the form,
// and the way quotes from it reach the summary form's answers. The form says where text goes (the
// answer the reader was last in); the paper panel sends text there.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { readRoomMemory, rememberRoom } from "./memory";

/** Puts Markdown into an answer; returns that answer's label, or null when there is no form. */
export type Inserter = (markdown: string) => string | null;

export type ReadingRoom = {
  readingId: string;
  /** The paper's number in the minutes' reference list, for credit lines under figures. */
  refNumber: number;
  paperTitle: string;
  /** Where to read the paper elsewhere, when the panel cannot show it. */
  paperHref: string | null;
  open: boolean;
  setOpen: (open: boolean) => void;
  /** The summary form registers where quotes go; returns a function that unregisters it. */
  setInserter: (inserter: Inserter) => () => void;
  insert: Inserter;
};

const RoomContext = createContext<ReadingRoom | null>(null);

export function useReadingRoom(): ReadingRoom | null {
  return useContext(RoomContext);
}

export function ReadingRoomProvider({
  readingId,
  refNumber,
  paperTitle,
  paperHref,
  children,
}: {
  readingId: string;
  refNumber: number;
  paperTitle: string;
  paperHref: string | null;
  children: ReactNode;
}) {
  const [open, setOpenState] = useState(false);
  // Open as the reader left it on this device: read once the page is up (the server cannot know,
  // and the first paint is the server's).
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      if (readRoomMemory(readingId).open) setOpenState(true);
    });
    return () => cancelAnimationFrame(frame);
  }, [readingId]);
  const setOpen = useCallback(
    (next: boolean) => {
      setOpenState(next);
      rememberRoom(readingId, { open: next });
    },
    [readingId],
  );
  const inserter = useRef<Inserter | null>(null);
  const setInserter = useCallback((next: Inserter) => {
    inserter.current = next;
    return () => {
      if (inserter.current === next) inserter.current = null;
    };
  }, []);
  const insert = useCallback<Inserter>((markdown) => inserter.current?.(markdown) ?? null, []);
  const value = useMemo(
    () => ({ readingId, refNumber, paperTitle, paperHref, open, setOpen, setInserter, insert }),
    [readingId, refNumber, paperTitle, paperHref, open, setOpen, setInserter, insert],
  );
  return <RoomContext.Provider value={value}>{children}</RoomContext.Provider>;
}
