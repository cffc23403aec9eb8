-- AlterTable
ALTER TABLE "Reading" ADD COLUMN     "recentSaves" TEXT NOT NULL DEFAULT '[]';
