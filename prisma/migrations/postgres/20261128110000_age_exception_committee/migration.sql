-- Over 60 at the cell vote, an exception records the committee that approved it beside its
-- decision (DESIGN.md, "Candidates").
ALTER TABLE "Candidate" ADD COLUMN "ageExceptionBy" TEXT;
