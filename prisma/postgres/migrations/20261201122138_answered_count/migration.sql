-- AlterTable
ALTER TABLE "Reading" ADD COLUMN     "answered" INTEGER NOT NULL DEFAULT 0;

-- Backfill: how many of the six answers have text.
UPDATE "Reading" SET "answered" =
  (CASE WHEN btrim("whatIsIt", E' \t\n\r\u3000') <> '' THEN 1 ELSE 0 END) +
  (CASE WHEN btrim("novelty", E' \t\n\r\u3000') <> '' THEN 1 ELSE 0 END) +
  (CASE WHEN btrim("keyTechnique", E' \t\n\r\u3000') <> '' THEN 1 ELSE 0 END) +
  (CASE WHEN btrim("validation", E' \t\n\r\u3000') <> '' THEN 1 ELSE 0 END) +
  (CASE WHEN btrim("discussion", E' \t\n\r\u3000') <> '' THEN 1 ELSE 0 END) +
  (CASE WHEN btrim("nextPapers", E' \t\n\r\u3000') <> '' THEN 1 ELSE 0 END);
