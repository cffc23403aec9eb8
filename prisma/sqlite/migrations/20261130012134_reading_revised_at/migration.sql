-- AlterTable
ALTER TABLE "Reading" ADD COLUMN "revisedAt" DATETIME;
