-- The archive's full-text search. One row per reading in "ReadingSearch": the search document
-- (its paper's title, authors and abstract, the reader's corrections to them, the gist and the
-- six answers, in lower case) and, copied from the reading and its meeting, what the archive
-- filters and sorts by, so a search reads one table: the group, the meeting and its time, the
-- reader and the paper. The document is indexed by pg_trgm: any run of three or more characters
-- (Japanese included under a UTF-8 locale) narrows the search through the index, shorter ones are
-- found with strpos(). Triggers keep it all in step with every write to a reading, its meeting or
-- its paper, whichever way it is written. Not in the Prisma models: the app reads it with SQL
-- (lib/search/data.ts), and scripts/db.mjs tells the schema engine these objects are external.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE "ReadingSearch" (
    "id" SERIAL NOT NULL,
    "readingId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "userId" TEXT NOT NULL,
    "paperId" TEXT NOT NULL,
    "doc" TEXT NOT NULL,
    CONSTRAINT "ReadingSearch_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ReadingSearch_readingId_key" UNIQUE ("readingId"),
    CONSTRAINT "ReadingSearch_readingId_fkey" FOREIGN KEY ("readingId") REFERENCES "Reading" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "ReadingSearch_groupId_at_idx" ON "ReadingSearch" ("groupId", "at" DESC, "id");

-- New entries wait in the index's pending list until a vacuum merges them, and every search reads
-- that list whole: a small one (256 kB) keeps searches quick right after a busy meeting's saves.
CREATE INDEX "ReadingSearch_doc_trgm" ON "ReadingSearch" USING gin ("doc" gin_trgm_ops)
    WITH (gin_pending_list_limit = 256);

CREATE FUNCTION "reading_search_doc"(r "Reading", p "Paper") RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT lower(concat_ws(chr(10), p."title", p."authors", p."abstract", r."paperOverrides",
        r."gist", r."whatIsIt", r."novelty", r."keyTechnique", r."validation", r."discussion",
        r."nextPapers"))
$$;

CREATE FUNCTION "reading_search_sync"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "ReadingSearch" ("readingId", "groupId", "meetingId", "at", "userId", "paperId", "doc")
    SELECT NEW."id", m."groupId", m."id", m."scheduledAt", NEW."userId", NEW."paperId",
        "reading_search_doc"(NEW, p)
    FROM "Paper" p, "Meeting" m WHERE p."id" = NEW."paperId" AND m."id" = NEW."meetingId"
    ON CONFLICT ("readingId") DO UPDATE SET
        "groupId" = EXCLUDED."groupId", "meetingId" = EXCLUDED."meetingId", "at" = EXCLUDED."at",
        "userId" = EXCLUDED."userId", "paperId" = EXCLUDED."paperId", "doc" = EXCLUDED."doc";
    RETURN NULL;
END
$$;

CREATE TRIGGER "Reading_search" AFTER INSERT OR UPDATE OF "meetingId", "userId", "paperId", "paperOverrides", "gist", "whatIsIt", "novelty", "keyTechnique", "validation", "discussion", "nextPapers" ON "Reading"
    FOR EACH ROW EXECUTE FUNCTION "reading_search_sync"();

CREATE FUNCTION "meeting_search_sync"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "ReadingSearch" SET "groupId" = NEW."groupId", "at" = NEW."scheduledAt"
    WHERE "meetingId" = NEW."id";
    RETURN NULL;
END
$$;

CREATE TRIGGER "Meeting_search" AFTER UPDATE OF "groupId", "scheduledAt" ON "Meeting"
    FOR EACH ROW EXECUTE FUNCTION "meeting_search_sync"();

CREATE FUNCTION "paper_search_sync"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "ReadingSearch" s SET "doc" = "reading_search_doc"(r, NEW)
    FROM "Reading" r WHERE s."paperId" = NEW."id" AND s."readingId" = r."id";
    RETURN NULL;
END
$$;

CREATE TRIGGER "Paper_search" AFTER UPDATE OF "title", "authors", "abstract" ON "Paper"
    FOR EACH ROW EXECUTE FUNCTION "paper_search_sync"();

INSERT INTO "ReadingSearch" ("readingId", "groupId", "meetingId", "at", "userId", "paperId", "doc")
SELECT r."id", m."groupId", m."id", m."scheduledAt", r."userId", r."paperId", "reading_search_doc"(r, p)
FROM "Reading" r JOIN "Paper" p ON p."id" = r."paperId" JOIN "Meeting" m ON m."id" = r."meetingId";
