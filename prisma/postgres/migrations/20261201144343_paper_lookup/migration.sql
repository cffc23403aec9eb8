-- AlterTable
ALTER TABLE "Paper" ADD COLUMN     "abstract" TEXT,
ADD COLUMN     "fetchedAt" TIMESTAMP(3),
ADD COLUMN     "journalRef" TEXT,
ADD COLUMN     "primaryCategory" TEXT,
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "source" TEXT;

-- AlterTable
ALTER TABLE "Reading" ADD COLUMN     "paperOverrides" TEXT;

-- CreateTable
CREATE TABLE "RateGate" (
    "key" TEXT NOT NULL,
    "nextAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateGate_pkey" PRIMARY KEY ("key")
);
