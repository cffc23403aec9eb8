-- AlterTable
ALTER TABLE "Reading" ADD COLUMN "presentedMs" INTEGER;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
INSERT INTO "new_Meeting" ("closedAt", "closingRemarks", "createdAt", "facilitatorId", "groupId", "id", "number", "phase", "readingStartedAt", "recapStartedAt", "scheduledAt", "title", "updatedAt") SELECT "closedAt", "closingRemarks", "createdAt", "facilitatorId", "groupId", "id", "number", "phase", "readingStartedAt", "recapStartedAt", "scheduledAt", "title", "updatedAt" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE INDEX "Meeting_groupId_scheduledAt_idx" ON "Meeting"("groupId", "scheduledAt");
CREATE UNIQUE INDEX "Meeting_groupId_number_key" ON "Meeting"("groupId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
