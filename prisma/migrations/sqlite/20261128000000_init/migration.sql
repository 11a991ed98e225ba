-- CreateTable
CREATE TABLE "Organisation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sector" TEXT,
    "establishedOn" TEXT NOT NULL,
    "dissolvedOn" TEXT,
    "mergedIntoId" INTEGER,
    CONSTRAINT "Organisation_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrganisationParent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "organisationId" INTEGER NOT NULL,
    "parentId" INTEGER NOT NULL,
    "startOn" TEXT NOT NULL,
    "endOn" TEXT,
    CONSTRAINT "OrganisationParent_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OrganisationParent_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrganisationAncestry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ancestorId" INTEGER NOT NULL,
    "descendantId" INTEGER NOT NULL,
    "depth" INTEGER NOT NULL,
    "startOn" TEXT NOT NULL,
    "endOn" TEXT,
    CONSTRAINT "OrganisationAncestry_ancestorId_fkey" FOREIGN KEY ("ancestorId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OrganisationAncestry_descendantId_fkey" FOREIGN KEY ("descendantId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Member" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fullName" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "gender" TEXT,
    "personalHistory" TEXT,
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

-- CreateTable
CREATE TABLE "Placement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "memberId" INTEGER NOT NULL,
    "cellId" INTEGER NOT NULL,
    "startOn" TEXT NOT NULL,
    "endOn" TEXT,
    CONSTRAINT "Placement_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Placement_cellId_fkey" FOREIGN KEY ("cellId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Candidate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fullName" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "gender" TEXT,
    "personalHistory" TEXT,
    "isYouthUnionMember" BOOLEAN NOT NULL DEFAULT false,
    "cellId" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "stageOn" TEXT NOT NULL,
    "certificateOn" TEXT,
    "ageException" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Candidate_cellId_fkey" FOREIGN KEY ("cellId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CandidateEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "candidateId" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "actingBody" TEXT NOT NULL,
    "votesFor" INTEGER,
    "votesEligible" INTEGER,
    "note" TEXT,
    CONSTRAINT "CandidateEvent_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Introduction" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "candidateId" INTEGER NOT NULL,
    "memberId" INTEGER,
    "youthUnion" TEXT,
    "knownSince" TEXT,
    CONSTRAINT "Introduction_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Introduction_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "issuedBy" TEXT NOT NULL,
    "startOn" TEXT NOT NULL,
    "endOn" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Quota" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "organisationId" INTEGER NOT NULL,
    "programmeId" INTEGER,
    "periodFrom" TEXT NOT NULL,
    "periodTo" TEXT NOT NULL,
    "target" INTEGER NOT NULL,
    CONSTRAINT "Quota_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Quota_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Leader" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fullName" TEXT NOT NULL,
    "title" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "leaderId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "startOn" TEXT NOT NULL,
    "endOn" TEXT,
    "zone" TEXT,
    CONSTRAINT "Assignment_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Leader" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Assignment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingVisit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "leaderId" INTEGER NOT NULL,
    "cellId" INTEGER NOT NULL,
    "visitedOn" TEXT NOT NULL,
    "note" TEXT,
    CONSTRAINT "MeetingVisit_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Leader" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MeetingVisit_cellId_fkey" FOREIGN KEY ("cellId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "organisationId" INTEGER,
    "hash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ApiToken_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorName" TEXT NOT NULL,
    "actorRole" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_code_key" ON "Organisation"("code");

-- CreateIndex
CREATE INDEX "Organisation_kind_idx" ON "Organisation"("kind");

-- CreateIndex
CREATE INDEX "OrganisationParent_organisationId_startOn_idx" ON "OrganisationParent"("organisationId", "startOn");

-- CreateIndex
CREATE INDEX "OrganisationParent_parentId_startOn_idx" ON "OrganisationParent"("parentId", "startOn");

-- CreateIndex
CREATE INDEX "OrganisationAncestry_ancestorId_startOn_idx" ON "OrganisationAncestry"("ancestorId", "startOn");

-- CreateIndex
CREATE INDEX "OrganisationAncestry_descendantId_startOn_idx" ON "OrganisationAncestry"("descendantId", "startOn");

-- CreateIndex
CREATE UNIQUE INDEX "Member_candidateId_key" ON "Member"("candidateId");

-- CreateIndex
CREATE INDEX "Member_admittedInId_admittedOn_idx" ON "Member"("admittedInId", "admittedOn");

-- CreateIndex
CREATE INDEX "Member_admittedOn_idx" ON "Member"("admittedOn");

-- CreateIndex
CREATE INDEX "Placement_cellId_startOn_idx" ON "Placement"("cellId", "startOn");

-- CreateIndex
CREATE INDEX "Placement_memberId_startOn_idx" ON "Placement"("memberId", "startOn");

-- CreateIndex
CREATE INDEX "Candidate_cellId_stage_idx" ON "Candidate"("cellId", "stage");

-- CreateIndex
CREATE INDEX "Candidate_stage_stageOn_idx" ON "Candidate"("stage", "stageOn");

-- CreateIndex
CREATE INDEX "Candidate_source_idx" ON "Candidate"("source");

-- CreateIndex
CREATE INDEX "CandidateEvent_candidateId_on_idx" ON "CandidateEvent"("candidateId", "on");

-- CreateIndex
CREATE INDEX "CandidateEvent_stage_on_idx" ON "CandidateEvent"("stage", "on");

-- CreateIndex
CREATE INDEX "Introduction_candidateId_idx" ON "Introduction"("candidateId");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_code_key" ON "Programme"("code");

-- CreateIndex
CREATE INDEX "Quota_organisationId_periodFrom_idx" ON "Quota"("organisationId", "periodFrom");

-- CreateIndex
CREATE INDEX "Assignment_organisationId_startOn_idx" ON "Assignment"("organisationId", "startOn");

-- CreateIndex
CREATE INDEX "Assignment_leaderId_idx" ON "Assignment"("leaderId");

-- CreateIndex
CREATE INDEX "MeetingVisit_leaderId_visitedOn_idx" ON "MeetingVisit"("leaderId", "visitedOn");

-- CreateIndex
CREATE INDEX "MeetingVisit_cellId_visitedOn_idx" ON "MeetingVisit"("cellId", "visitedOn");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_hash_key" ON "ApiToken"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorName_at_idx" ON "AuditEvent"("actorName", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

