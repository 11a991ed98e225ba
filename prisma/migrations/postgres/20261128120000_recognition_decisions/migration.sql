-- The cell's recognition vote is a proposal (for recognition, or for removal: votesAgainst); the
-- competent committee's decision is recorded in RecognitionDecision (DESIGN.md, "Candidates").
-- AlterTable
ALTER TABLE "RecognitionVote" ADD COLUMN     "votesAgainst" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "RecognitionDecision" (
    "id" SERIAL NOT NULL,
    "memberId" INTEGER NOT NULL,
    "on" TEXT NOT NULL,
    "recognised" BOOLEAN NOT NULL,
    "by" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "referred" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecognitionDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RecognitionDecision_memberId_key" ON "RecognitionDecision"("memberId");

-- AddForeignKey
ALTER TABLE "RecognitionDecision" ADD CONSTRAINT "RecognitionDecision_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

