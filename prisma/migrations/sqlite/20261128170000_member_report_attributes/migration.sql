-- The attributes the board's periodic report breaks members and admissions down by (issue 11): ethnic
-- group, religion, education level (personal data) and Youth Union membership when admitted.
-- RedefineTables: SQLite's ADD COLUMN would leave the stored definition different from a fresh one
-- (server/test/migrations.test.ts compares them), so the table is rebuilt the way Prisma does it.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Member" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fullName" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "gender" TEXT,
    "personalHistory" TEXT,
    "partyCardNumber" TEXT,
    "citizenId" TEXT,
    "ethnicity" TEXT,
    "religion" TEXT,
    "education" TEXT,
    "isYouthUnionMember" BOOLEAN NOT NULL DEFAULT false,
    "admittedOn" TEXT NOT NULL,
    "admittedInId" INTEGER NOT NULL,
    "officialOn" TEXT,
    "leftOn" TEXT,
    "leftReason" TEXT,
    "candidateId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Member_admittedInId_fkey" FOREIGN KEY ("admittedInId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Member_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Member" ("admittedInId", "admittedOn", "birthDate", "candidateId", "citizenId", "createdAt", "fullName", "gender", "id", "leftOn", "leftReason", "officialOn", "partyCardNumber", "personalHistory") SELECT "admittedInId", "admittedOn", "birthDate", "candidateId", "citizenId", "createdAt", "fullName", "gender", "id", "leftOn", "leftReason", "officialOn", "partyCardNumber", "personalHistory" FROM "Member";
DROP TABLE "Member";
ALTER TABLE "new_Member" RENAME TO "Member";
CREATE UNIQUE INDEX "Member_partyCardNumber_key" ON "Member"("partyCardNumber");
CREATE UNIQUE INDEX "Member_citizenId_key" ON "Member"("citizenId");
CREATE UNIQUE INDEX "Member_candidateId_key" ON "Member"("candidateId");
CREATE INDEX "Member_admittedInId_admittedOn_idx" ON "Member"("admittedInId", "admittedOn");
CREATE INDEX "Member_admittedOn_idx" ON "Member"("admittedOn");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

