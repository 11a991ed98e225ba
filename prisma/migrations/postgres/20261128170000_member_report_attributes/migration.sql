-- The attributes the board's periodic report breaks members and admissions down by (issue 11): ethnic
-- group, religion, education level (personal data) and Youth Union membership when admitted.
-- CreateEnum
CREATE TYPE "EducationLevel" AS ENUM ('PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY', 'VOCATIONAL', 'COLLEGE', 'UNIVERSITY', 'POSTGRADUATE');

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "education" "EducationLevel",
ADD COLUMN     "ethnicity" TEXT,
ADD COLUMN     "isYouthUnionMember" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "religion" TEXT;

