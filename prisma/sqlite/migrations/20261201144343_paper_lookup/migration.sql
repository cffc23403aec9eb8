-- AlterTable
ALTER TABLE "Paper" ADD COLUMN "abstract" TEXT;
ALTER TABLE "Paper" ADD COLUMN "fetchedAt" DATETIME;
ALTER TABLE "Paper" ADD COLUMN "journalRef" TEXT;
ALTER TABLE "Paper" ADD COLUMN "primaryCategory" TEXT;
ALTER TABLE "Paper" ADD COLUMN "publishedAt" DATETIME;
ALTER TABLE "Paper" ADD COLUMN "source" TEXT;

-- AlterTable
ALTER TABLE "Reading" ADD COLUMN "paperOverrides" TEXT;

-- CreateTable
CREATE TABLE "RateGate" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "nextAt" DATETIME NOT NULL
);
