-- The report's attributes on candidates too (issue 11): ethnic group, religion, education level
-- (personal data), copied onto the member the admission ceremony makes.
-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "education" "EducationLevel",
ADD COLUMN     "ethnicity" TEXT,
ADD COLUMN     "religion" TEXT;

