-- The cell's recognition vote is a proposal (for recognition, or for removal: votesAgainst); the
-- competent committee's decision is recorded in RecognitionDecision (DESIGN.md, "Candidates").
-- CreateTable
CREATE TABLE "RecognitionDecision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "memberId" INTEGER NOT NULL,
    "on" TEXT NOT NULL,
    "recognised" BOOLEAN NOT NULL,
    "by" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "referred" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RecognitionDecision_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RecognitionVote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "memberId" INTEGER NOT NULL,
    "on" TEXT NOT NULL,
    "votesFor" INTEGER NOT NULL,
    "votesEligible" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "votesAgainst" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "RecognitionVote_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_RecognitionVote" ("id", "memberId", "on", "passed", "votesEligible", "votesFor") SELECT "id", "memberId", "on", "passed", "votesEligible", "votesFor" FROM "RecognitionVote";
DROP TABLE "RecognitionVote";
ALTER TABLE "new_RecognitionVote" RENAME TO "RecognitionVote";
CREATE INDEX "RecognitionVote_memberId_on_idx" ON "RecognitionVote"("memberId", "on");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "RecognitionDecision_memberId_key" ON "RecognitionDecision"("memberId");

