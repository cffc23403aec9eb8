-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Group" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "readingMinutes" INTEGER NOT NULL DEFAULT 50,
    "recapSoftSeconds" INTEGER NOT NULL DEFAULT 60,
    "recapHardSeconds" INTEGER NOT NULL DEFAULT 120,
    "indexMinutes" BOOLEAN NOT NULL DEFAULT false,
    "zennPublication" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Group" ("createdAt", "id", "name", "readingMinutes", "recapHardSeconds", "recapSoftSeconds", "slug", "updatedAt") SELECT "createdAt", "id", "name", "readingMinutes", "recapHardSeconds", "recapSoftSeconds", "slug", "updatedAt" FROM "Group";
DROP TABLE "Group";
ALTER TABLE "new_Group" RENAME TO "Group";
CREATE UNIQUE INDEX "Group_slug_key" ON "Group"("slug");
CREATE TABLE "new_Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "scheduledAt" DATETIME NOT NULL,
    "phase" TEXT NOT NULL DEFAULT 'PLANNED',
    "facilitatorId" TEXT NOT NULL,
    "readingStartedAt" DATETIME,
    "recapStartedAt" DATETIME,
    "closedAt" DATETIME,
    "closingRemarks" TEXT NOT NULL DEFAULT '',
    "remarksVersion" INTEGER NOT NULL DEFAULT 0,
    "remarksSavedAt" DATETIME,
    "minutesToken" TEXT,
    "minutesPublishedAt" DATETIME,
    "minutesInitials" BOOLEAN NOT NULL DEFAULT true,
    "minutesAtTimeUp" BOOLEAN NOT NULL DEFAULT false,
    "recapOrder" TEXT NOT NULL DEFAULT '[]',
    "recapIndex" INTEGER NOT NULL DEFAULT 0,
    "presenterStartedAt" DATETIME,
    "presenterPausedAt" DATETIME,
    "presenterPausedMs" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meeting_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Meeting_facilitatorId_fkey" FOREIGN KEY ("facilitatorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Meeting" ("closedAt", "closingRemarks", "createdAt", "facilitatorId", "groupId", "id", "number", "phase", "presenterPausedAt", "presenterPausedMs", "presenterStartedAt", "readingStartedAt", "recapIndex", "recapOrder", "recapStartedAt", "scheduledAt", "title", "updatedAt") SELECT "closedAt", "closingRemarks", "createdAt", "facilitatorId", "groupId", "id", "number", "phase", "presenterPausedAt", "presenterPausedMs", "presenterStartedAt", "readingStartedAt", "recapIndex", "recapOrder", "recapStartedAt", "scheduledAt", "title", "updatedAt" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE UNIQUE INDEX "Meeting_minutesToken_key" ON "Meeting"("minutesToken");
CREATE INDEX "Meeting_groupId_scheduledAt_idx" ON "Meeting"("groupId", "scheduledAt");
CREATE UNIQUE INDEX "Meeting_groupId_number_key" ON "Meeting"("groupId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
