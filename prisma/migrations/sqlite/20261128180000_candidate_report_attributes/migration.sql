-- The report's attributes on candidates too (issue 11): ethnic group, religion, education level
-- (personal data), copied onto the member the admission ceremony makes, so that admissions through
-- the candidate path are broken down like any other.
-- RedefineTables: SQLite's ADD COLUMN would leave the stored definition different from a fresh one
-- (server/test/migrations.test.ts compares them), so the table is rebuilt the way Prisma does it.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Candidate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fullName" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "gender" TEXT,
    "personalHistory" TEXT,
    "ethnicity" TEXT,
    "religion" TEXT,
    "education" TEXT,
    "isYouthUnionMember" BOOLEAN NOT NULL DEFAULT false,
    "isTradeUnionMember" BOOLEAN NOT NULL DEFAULT false,
    "workplaceHasTradeUnion" BOOLEAN NOT NULL DEFAULT false,
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
INSERT INTO "new_Candidate" ("ageException", "ageExceptionBy", "birthDate", "cellId", "certificateOn", "createdAt", "decisionExtendedOn", "fullName", "gender", "id", "isTradeUnionMember", "isYouthUnionMember", "personalHistory", "source", "stage", "stageOn", "workplaceHasTradeUnion") SELECT "ageException", "ageExceptionBy", "birthDate", "cellId", "certificateOn", "createdAt", "decisionExtendedOn", "fullName", "gender", "id", "isTradeUnionMember", "isYouthUnionMember", "personalHistory", "source", "stage", "stageOn", "workplaceHasTradeUnion" FROM "Candidate";
DROP TABLE "Candidate";
ALTER TABLE "new_Candidate" RENAME TO "Candidate";
CREATE INDEX "Candidate_cellId_stage_idx" ON "Candidate"("cellId", "stage");
CREATE INDEX "Candidate_stage_stageOn_idx" ON "Candidate"("stage", "stageOn");
CREATE INDEX "Candidate_source_idx" ON "Candidate"("source");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

