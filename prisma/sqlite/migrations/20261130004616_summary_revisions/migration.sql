-- AlterTable
ALTER TABLE "Reading" ADD COLUMN "lastSavedAt" DATETIME;
ALTER TABLE "Reading" ADD COLUMN "timeUpSnapshot" TEXT;

-- CreateTable
CREATE TABLE "ReadingRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "readingId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReadingRevision_readingId_fkey" FOREIGN KEY ("readingId") REFERENCES "Reading" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ReadingRevision_readingId_createdAt_idx" ON "ReadingRevision"("readingId", "createdAt");
