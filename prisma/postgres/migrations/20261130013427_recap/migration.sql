-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "presenterPausedAt" TIMESTAMP(3),
ADD COLUMN     "presenterPausedMs" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "presenterStartedAt" TIMESTAMP(3),
ADD COLUMN     "recapIndex" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "recapOrder" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Reading" ADD COLUMN     "presentedMs" INTEGER;
