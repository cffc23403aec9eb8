-- The archive's filter choices (the group's readers and the categories of its papers) read from
-- the search table's rows of the group alone: each of these indexes holds everything the choice
-- needs, so the count of accounts and papers elsewhere on the instance does not matter.
CREATE INDEX "ReadingSearch_groupId_userId_idx" ON "ReadingSearch" ("groupId", "userId");

CREATE INDEX "ReadingSearch_groupId_paperId_idx" ON "ReadingSearch" ("groupId", "paperId");
