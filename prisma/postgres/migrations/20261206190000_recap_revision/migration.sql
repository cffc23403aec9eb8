-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "recapRevision" INTEGER NOT NULL DEFAULT 0;
