-- The party card number and the citizen ID number of a member (personal data), each unique when
-- given: the members import matches rows to members by them.
-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "citizenId" TEXT,
ADD COLUMN     "partyCardNumber" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Member_partyCardNumber_key" ON "Member"("partyCardNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Member_citizenId_key" ON "Member"("citizenId");

