-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "indexMinutes" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "zennPublication" TEXT;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "minutesAtTimeUp" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "minutesInitials" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "minutesPublishedAt" TIMESTAMP(3),
ADD COLUMN     "minutesToken" TEXT,
ADD COLUMN     "remarksSavedAt" TIMESTAMP(3),
ADD COLUMN     "remarksVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_minutesToken_key" ON "Meeting"("minutesToken");
