// Live events between server instances. On PostgreSQL every instance LISTENs on one channel and
// publishes with NOTIFY, so an event raised on one instance reaches browsers connected to any
// other; on SQLite (one process) an in-process emitter is enough. Events only say what changed:
// the state itself is always in the database.
import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { env } from "@/lib/env";

export type LiveEvent = { topic: string; payload: unknown };

/** This process, on the PostgreSQL channel: its own events reach it at once, not back by NOTIFY. */
const INSTANCE = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;

const PG_CHANNEL = "yomikai_live";
// NOTIFY payloads must stay under 8000 bytes; bigger events are sent as "refresh" instead.
const MAX_NOTIFY_BYTES = 7000;

type Bus = {
  emitter: EventEmitter;
  publish(event: LiveEvent): Promise<void>;
  ready: Promise<void>;
  close(): Promise<void>;
};

const globalForBus = globalThis as unknown as { yomikaiBus?: Bus };

function createBus(): Bus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const { databaseProvider, databaseUrl } = env();
  if (databaseProvider !== "postgres") {
    return {
      emitter,
      ready: Promise.resolve(),
      async publish(event) {
        emitter.emit(event.topic, event.payload);
      },
      async close() {
        emitter.removeAllListeners();
      },
    };
  }

  const publisher = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // An idle connection dropped by the server is replaced on next use; nothing to do here.
  publisher.on("error", () => undefined);
  let listener: pg.Client | null = null;
  let closing = false;

  async function listen(): Promise<void> {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on("notification", (msg) => {
      if (msg.channel !== PG_CHANNEL || !msg.payload) return;
      try {
        const event = JSON.parse(msg.payload) as LiveEvent & { from?: string };
        if (event.from === INSTANCE) return;
        emitter.emit(event.topic, event.payload);
      } catch {
        // Not one of ours; ignore.
      }
    });
    client.on("error", () => reconnect());
    client.on("end", () => reconnect());
    await client.connect();
    await client.query(`LISTEN ${PG_CHANNEL}`);
    listener = client;
  }

  let reconnecting = false;
  function reconnect() {
    if (reconnecting || closing) return;
    reconnecting = true;
    listener = null;
    setTimeout(() => {
      reconnecting = false;
      // Subscribers re-read the state when told to refresh, so nothing missed stays missed.
      listen()
        .then(() => emitter.emit("*refresh", null))
        .catch(() => reconnect());
    }, 1000);
  }

  const ready = listen();
  ready.catch(() => reconnect());

  return {
    emitter,
    ready: ready.catch(() => undefined),
    async publish(event) {
      // Here first, so a page this instance renders right after its own write shows that write.
      emitter.emit(event.topic, event.payload);
      let text = JSON.stringify({ ...event, from: INSTANCE });
      if (Buffer.byteLength(text) > MAX_NOTIFY_BYTES)
        text = JSON.stringify({ topic: event.topic, payload: { type: "refresh" }, from: INSTANCE });
      await publisher.query("SELECT pg_notify($1, $2)", [PG_CHANNEL, text]);
    },
    async close() {
      closing = true;
      emitter.removeAllListeners();
      await Promise.allSettled([listener?.end(), publisher.end()]);
    },
  };
}

function bus(): Bus {
  globalForBus.yomikaiBus ??= createBus();
  return globalForBus.yomikaiBus;
}

/** Sends an event to every subscriber of `topic` on every instance. Call after the write commits. */
export async function publish(topic: string, payload: unknown): Promise<void> {
  try {
    await bus().publish({ topic, payload });
  } catch (error) {
    // A lost event is healed by the next snapshot; a failed write is not, so never fail the write.
    console.error("live event not published", error);
  }
}

/** Calls `onEvent` for each event on `topic` (and `onRefresh` after a lost connection); returns unsubscribe. */
export async function subscribe(
  topic: string,
  onEvent: (payload: unknown) => void,
  onRefresh: () => void,
): Promise<() => void> {
  const b = bus();
  await b.ready;
  b.emitter.on(topic, onEvent);
  b.emitter.on("*refresh", onRefresh);
  return () => {
    b.emitter.off(topic, onEvent);
    b.emitter.off("*refresh", onRefresh);
  };
}

/** Closes this process's connections (tests, shutdown). */
export async function closeLiveBus(): Promise<void> {
  const b = globalForBus.yomikaiBus;
  globalForBus.yomikaiBus = undefined;
  await b?.close();
}

export function meetingTopic(meetingId: string): string {
  return `meeting:${meetingId}`;
}
