-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Reading" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "paperId" TEXT NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "startedAt" DATETIME,
    "pausedAt" DATETIME,
    "pausedMs" INTEGER NOT NULL DEFAULT 0,
    "finishedAt" DATETIME,
    "timeUpAt" DATETIME,
    "whatIsIt" TEXT NOT NULL DEFAULT '',
    "novelty" TEXT NOT NULL DEFAULT '',
    "keyTechnique" TEXT NOT NULL DEFAULT '',
    "validation" TEXT NOT NULL DEFAULT '',
    "discussion" TEXT NOT NULL DEFAULT '',
    "nextPapers" TEXT NOT NULL DEFAULT '',
    "gist" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 0,
    "timeUpSnapshot" TEXT,
    "lastSavedAt" DATETIME,
    "revisedAt" DATETIME,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "presentedMs" INTEGER,
    "recentSaves" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Reading_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Reading_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Reading_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Reading" ("createdAt", "discussion", "durationMs", "finishedAt", "gist", "id", "keyTechnique", "lastSavedAt", "meetingId", "nextPapers", "novelty", "paperId", "pausedAt", "pausedMs", "presentedMs", "recentSaves", "revisedAt", "startedAt", "timeUpAt", "timeUpSnapshot", "updatedAt", "userId", "validation", "version", "whatIsIt") SELECT "createdAt", "discussion", "durationMs", "finishedAt", "gist", "id", "keyTechnique", "lastSavedAt", "meetingId", "nextPapers", "novelty", "paperId", "pausedAt", "pausedMs", "presentedMs", "recentSaves", "revisedAt", "startedAt", "timeUpAt", "timeUpSnapshot", "updatedAt", "userId", "validation", "version", "whatIsIt" FROM "Reading";
DROP TABLE "Reading";
ALTER TABLE "new_Reading" RENAME TO "Reading";
CREATE INDEX "Reading_paperId_idx" ON "Reading"("paperId");
CREATE UNIQUE INDEX "Reading_meetingId_userId_key" ON "Reading"("meetingId", "userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Backfill: how many of the six answers have text.
UPDATE "Reading" SET "answered" =
  (CASE WHEN trim("whatIsIt", ' ' || char(9) || char(10) || char(13) || char(12288)) <> '' THEN 1 ELSE 0 END) +
  (CASE WHEN trim("novelty", ' ' || char(9) || char(10) || char(13) || char(12288)) <> '' THEN 1 ELSE 0 END) +
  (CASE WHEN trim("keyTechnique", ' ' || char(9) || char(10) || char(13) || char(12288)) <> '' THEN 1 ELSE 0 END) +
  (CASE WHEN trim("validation", ' ' || char(9) || char(10) || char(13) || char(12288)) <> '' THEN 1 ELSE 0 END) +
  (CASE WHEN trim("discussion", ' ' || char(9) || char(10) || char(13) || char(12288)) <> '' THEN 1 ELSE 0 END) +
  (CASE WHEN trim("nextPapers", ' ' || char(9) || char(10) || char(13) || char(12288)) <> '' THEN 1 ELSE 0 END);
