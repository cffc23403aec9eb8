-- AlterTable
ALTER TABLE "Reading" ADD COLUMN     "lastSavedAt" TIMESTAMP(3),
ADD COLUMN     "timeUpSnapshot" TEXT;

-- CreateTable
CREATE TABLE "ReadingRevision" (
    "id" TEXT NOT NULL,
    "readingId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReadingRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReadingRevision_readingId_createdAt_idx" ON "ReadingRevision"("readingId", "createdAt");

-- AddForeignKey
ALTER TABLE "ReadingRevision" ADD CONSTRAINT "ReadingRevision_readingId_fkey" FOREIGN KEY ("readingId") REFERENCES "Reading"("id") ON DELETE CASCADE ON UPDATE CASCADE;
