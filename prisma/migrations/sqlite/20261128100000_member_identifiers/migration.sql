-- The party card number and the citizen ID number of a member (personal data), each unique when
-- given: the members import matches rows to members by them.
-- RedefineTables
-- SQLite's ADD COLUMN would leave the table's stored definition different from a fresh one
-- (server/test/migrations.test.ts compares them), so Member is rebuilt the way Prisma does it.
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
INSERT INTO "new_Member" ("id", "fullName", "birthDate", "gender", "personalHistory", "admittedOn", "admittedInId", "officialOn", "leftOn", "leftReason", "candidateId", "createdAt") SELECT "id", "fullName", "birthDate", "gender", "personalHistory", "admittedOn", "admittedInId", "officialOn", "leftOn", "leftReason", "candidateId", "createdAt" FROM "Member";
DROP TABLE "Member";
ALTER TABLE "new_Member" RENAME TO "Member";
CREATE UNIQUE INDEX "Member_partyCardNumber_key" ON "Member"("partyCardNumber");
CREATE UNIQUE INDEX "Member_citizenId_key" ON "Member"("citizenId");
CREATE UNIQUE INDEX "Member_candidateId_key" ON "Member"("candidateId");
CREATE INDEX "Member_admittedInId_admittedOn_idx" ON "Member"("admittedInId", "admittedOn");
CREATE INDEX "Member_admittedOn_idx" ON "Member"("admittedOn");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
