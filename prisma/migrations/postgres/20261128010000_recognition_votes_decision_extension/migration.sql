-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "decisionExtendedOn" TEXT;

-- CreateTable
CREATE TABLE "RecognitionVote" (
    "id" SERIAL NOT NULL,
    "memberId" INTEGER NOT NULL,
    "on" TEXT NOT NULL,
    "votesFor" INTEGER NOT NULL,
    "votesEligible" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,

    CONSTRAINT "RecognitionVote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecognitionVote_memberId_on_idx" ON "RecognitionVote"("memberId", "on");

-- AddForeignKey
ALTER TABLE "RecognitionVote" ADD CONSTRAINT "RecognitionVote_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

