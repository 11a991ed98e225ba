-- Introducing organisations (Charter, Art. 4; DESIGN.md, "Candidates"): a candidate's trade union
-- membership and whether their workplace has a trade union; the trade union committee as an introducer.
-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "isTradeUnionMember" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "workplaceHasTradeUnion" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Introduction" ADD COLUMN     "tradeUnion" TEXT;

