-- Introducing organisations (Charter, Art. 4; DESIGN.md, "Candidates"): a candidate's trade union
-- membership and whether their workplace has a trade union; the trade union committee as an introducer.
-- RedefineTables: SQLite's ADD COLUMN would leave the stored definition different from a fresh one
-- (server/test/migrations.test.ts compares them), so both tables are rebuilt the way Prisma does it.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Candidate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fullName" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "gender" TEXT,
    "personalHistory" TEXT,
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
INSERT INTO "new_Candidate" ("ageException", "ageExceptionBy", "birthDate", "cellId", "certificateOn", "createdAt", "decisionExtendedOn", "fullName", "gender", "id", "isYouthUnionMember", "personalHistory", "source", "stage", "stageOn") SELECT "ageException", "ageExceptionBy", "birthDate", "cellId", "certificateOn", "createdAt", "decisionExtendedOn", "fullName", "gender", "id", "isYouthUnionMember", "personalHistory", "source", "stage", "stageOn" FROM "Candidate";
DROP TABLE "Candidate";
ALTER TABLE "new_Candidate" RENAME TO "Candidate";
CREATE INDEX "Candidate_cellId_stage_idx" ON "Candidate"("cellId", "stage");
CREATE INDEX "Candidate_stage_stageOn_idx" ON "Candidate"("stage", "stageOn");
CREATE INDEX "Candidate_source_idx" ON "Candidate"("source");
CREATE TABLE "new_Introduction" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "candidateId" INTEGER NOT NULL,
    "memberId" INTEGER,
    "youthUnion" TEXT,
    "tradeUnion" TEXT,
    "knownSince" TEXT,
    CONSTRAINT "Introduction_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Introduction_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Introduction" ("id", "candidateId", "memberId", "youthUnion", "knownSince") SELECT "id", "candidateId", "memberId", "youthUnion", "knownSince" FROM "Introduction";
DROP TABLE "Introduction";
ALTER TABLE "new_Introduction" RENAME TO "Introduction";
CREATE INDEX "Introduction_candidateId_idx" ON "Introduction"("candidateId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
