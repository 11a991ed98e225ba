-- Over 60 at the cell vote, an exception records the committee that approved it beside its
-- decision (DESIGN.md, "Candidates"): Candidate.ageExceptionBy.
-- RedefineTables: SQLite's ADD COLUMN would leave the stored definition different from a fresh one
-- (server/test/migrations.test.ts compares them), so Candidate is rebuilt the way Prisma does it.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Candidate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fullName" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "gender" TEXT,
    "personalHistory" TEXT,
    "isYouthUnionMember" BOOLEAN NOT NULL DEFAULT false,
    "cellId" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "stageOn" TEXT NOT NULL,
    "certificateOn" TEXT,
    "ageException" TEXT,
    "ageExceptionBy" TEXT,
    "decisionExtendedOn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Candidate_cellId_fkey" FOREIGN KEY ("cellId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Candidate" ("id", "fullName", "birthDate", "gender", "personalHistory", "isYouthUnionMember", "cellId", "source", "stage", "stageOn", "certificateOn", "ageException", "decisionExtendedOn", "createdAt") SELECT "id", "fullName", "birthDate", "gender", "personalHistory", "isYouthUnionMember", "cellId", "source", "stage", "stageOn", "certificateOn", "ageException", "decisionExtendedOn", "createdAt" FROM "Candidate";
DROP TABLE "Candidate";
ALTER TABLE "new_Candidate" RENAME TO "Candidate";
CREATE INDEX "Candidate_cellId_stage_idx" ON "Candidate"("cellId", "stage");
CREATE INDEX "Candidate_stage_stageOn_idx" ON "Candidate"("stage", "stageOn");
CREATE INDEX "Candidate_source_idx" ON "Candidate"("source");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
