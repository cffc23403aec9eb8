-- The archive's full-text search. One row per reading in "ReadingSearch": the search document
-- (its paper's title, authors and abstract, the reader's corrections to them, the gist and the
-- six answers, ASCII letters in lower case) and, copied from the reading and its meeting, what
-- the archive filters and sorts by, so a search reads one table: the group, the meeting and its
-- time, the reader and the paper. The document is indexed by FTS5's trigram tokenizer (any run of
-- three or more characters, Japanese included, matches as a substring, case folded), and a term
-- too short for trigrams is looked for with instr(). Triggers keep it all in step with every write
-- to a reading, its meeting or its paper, whichever way it is written. Not in the Prisma models:
-- the app reads it with SQL (lib/search/data.ts), and scripts/db.mjs tells the schema engine
-- these tables are external.

CREATE TABLE "ReadingSearch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "readingId" TEXT NOT NULL UNIQUE,
    "groupId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "userId" TEXT NOT NULL,
    "paperId" TEXT NOT NULL,
    "doc" TEXT NOT NULL,
    CONSTRAINT "ReadingSearch_readingId_fkey" FOREIGN KEY ("readingId") REFERENCES "Reading" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "ReadingSearch_groupId_at_idx" ON "ReadingSearch" ("groupId", "at" DESC, "id");

CREATE VIRTUAL TABLE "ReadingFts" USING fts5(
    "doc",
    content = 'ReadingSearch',
    content_rowid = 'id',
    tokenize = 'trigram case_sensitive 0'
);

CREATE TRIGGER "ReadingSearch_fts_insert" AFTER INSERT ON "ReadingSearch" BEGIN
    INSERT INTO "ReadingFts" (rowid, "doc") VALUES (new."id", new."doc");
END;

CREATE TRIGGER "ReadingSearch_fts_delete" AFTER DELETE ON "ReadingSearch" BEGIN
    INSERT INTO "ReadingFts" ("ReadingFts", rowid, "doc") VALUES ('delete', old."id", old."doc");
END;

CREATE TRIGGER "ReadingSearch_fts_update" AFTER UPDATE OF "doc" ON "ReadingSearch" BEGIN
    INSERT INTO "ReadingFts" ("ReadingFts", rowid, "doc") VALUES ('delete', old."id", old."doc");
    INSERT INTO "ReadingFts" (rowid, "doc") VALUES (new."id", new."doc");
END;

CREATE TRIGGER "Reading_search_insert" AFTER INSERT ON "Reading" BEGIN
    INSERT INTO "ReadingSearch" ("readingId", "groupId", "meetingId", "at", "userId", "paperId", "doc")
    SELECT new."id", m."groupId", m."id", m."scheduledAt", new."userId", new."paperId",
        lower(coalesce(p."title", '') || char(10) || coalesce(p."authors", '') || char(10) ||
        coalesce(p."abstract", '') || char(10) || coalesce(new."paperOverrides", '') || char(10) ||
        new."gist" || char(10) || new."whatIsIt" || char(10) || new."novelty" || char(10) ||
        new."keyTechnique" || char(10) || new."validation" || char(10) || new."discussion" ||
        char(10) || new."nextPapers")
    FROM "Paper" p, "Meeting" m WHERE p."id" = new."paperId" AND m."id" = new."meetingId";
END;

CREATE TRIGGER "Reading_search_update" AFTER UPDATE OF "meetingId", "userId", "paperId", "paperOverrides", "gist", "whatIsIt", "novelty", "keyTechnique", "validation", "discussion", "nextPapers" ON "Reading" BEGIN
    UPDATE "ReadingSearch" SET
        "meetingId" = new."meetingId",
        "groupId" = (SELECT m."groupId" FROM "Meeting" m WHERE m."id" = new."meetingId"),
        "at" = (SELECT m."scheduledAt" FROM "Meeting" m WHERE m."id" = new."meetingId"),
        "userId" = new."userId",
        "paperId" = new."paperId",
        "doc" = (SELECT lower(coalesce(p."title", '') || char(10) || coalesce(p."authors", '') || char(10) ||
        coalesce(p."abstract", '') || char(10) || coalesce(new."paperOverrides", '') || char(10) ||
        new."gist" || char(10) || new."whatIsIt" || char(10) || new."novelty" || char(10) ||
        new."keyTechnique" || char(10) || new."validation" || char(10) || new."discussion" ||
        char(10) || new."nextPapers") FROM "Paper" p WHERE p."id" = new."paperId")
    WHERE "readingId" = new."id";
END;

CREATE TRIGGER "Meeting_search_update" AFTER UPDATE OF "groupId", "scheduledAt" ON "Meeting" BEGIN
    UPDATE "ReadingSearch" SET "groupId" = new."groupId", "at" = new."scheduledAt"
    WHERE "meetingId" = new."id";
END;

CREATE TRIGGER "Paper_search_update" AFTER UPDATE OF "title", "authors", "abstract" ON "Paper" BEGIN
    UPDATE "ReadingSearch" SET "doc" = (
        SELECT lower(coalesce(new."title", '') || char(10) || coalesce(new."authors", '') || char(10) ||
        coalesce(new."abstract", '') || char(10) || coalesce(r."paperOverrides", '') || char(10) ||
        r."gist" || char(10) || r."whatIsIt" || char(10) || r."novelty" || char(10) ||
        r."keyTechnique" || char(10) || r."validation" || char(10) || r."discussion" ||
        char(10) || r."nextPapers")
        FROM "Reading" r WHERE r."id" = "ReadingSearch"."readingId"
    ) WHERE "paperId" = new."id";
END;

INSERT INTO "ReadingSearch" ("readingId", "groupId", "meetingId", "at", "userId", "paperId", "doc")
SELECT r."id", m."groupId", m."id", m."scheduledAt", r."userId", r."paperId",
    lower(coalesce(p."title", '') || char(10) || coalesce(p."authors", '') || char(10) ||
        coalesce(p."abstract", '') || char(10) || coalesce(r."paperOverrides", '') || char(10) ||
        r."gist" || char(10) || r."whatIsIt" || char(10) || r."novelty" || char(10) ||
        r."keyTechnique" || char(10) || r."validation" || char(10) || r."discussion" ||
        char(10) || r."nextPapers")
FROM "Reading" r JOIN "Paper" p ON p."id" = r."paperId" JOIN "Meeting" m ON m."id" = r."meetingId";
