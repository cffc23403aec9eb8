-- AlterTable
ALTER TABLE "Reading" ADD COLUMN     "revisedAt" TIMESTAMP(3);
