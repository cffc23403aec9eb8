-- CreateTable
CREATE TABLE "ReadingImage" (
    "id" TEXT NOT NULL,
    "readingId" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReadingImage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReadingImage_readingId_idx" ON "ReadingImage"("readingId");

-- CreateIndex
CREATE INDEX "ReadingImage_createdAt_idx" ON "ReadingImage"("createdAt");

-- AddForeignKey
ALTER TABLE "ReadingImage" ADD CONSTRAINT "ReadingImage_readingId_fkey" FOREIGN KEY ("readingId") REFERENCES "Reading"("id") ON DELETE CASCADE ON UPDATE CASCADE;
