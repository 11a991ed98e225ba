-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('PROVINCIAL', 'DISTRICT', 'GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL', 'SECTION_COMMITTEE', 'SUBORDINATE_CELL');

-- CreateEnum
CREATE TYPE "Sector" AS ENUM ('COMMUNE', 'AGENCY', 'ENTERPRISE', 'ARMED_FORCES');

-- CreateEnum
CREATE TYPE "LeavingReason" AS ENUM ('DIED', 'STRUCK_OFF', 'EXPELLED', 'MOVED_AWAY', 'REMOVED_AFTER_PROBATION');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('FEMALE', 'MALE');

-- CreateEnum
CREATE TYPE "CandidateSource" AS ENUM ('YOUTH_UNION', 'WOMENS_UNION', 'FARMERS_UNION', 'VETERANS_ASSOCIATION', 'TRADE_UNION', 'OTHER');

-- CreateEnum
CREATE TYPE "CandidateStage" AS ENUM ('SOURCED', 'TRAINED', 'APPLIED', 'VERIFIED', 'INTRODUCED', 'CELL_VOTED', 'COMMITTEE_VOTED', 'DECIDED', 'ADMITTED', 'WITHDRAWN', 'REJECTED');

-- CreateEnum
CREATE TYPE "TokenRole" AS ENUM ('ADMIN', 'EDITOR', 'VIEWER');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "sector" "Sector",
    "establishedOn" TEXT NOT NULL,
    "dissolvedOn" TEXT,
    "mergedIntoId" INTEGER,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationParent" (
    "id" SERIAL NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "parentId" INTEGER NOT NULL,
    "startOn" TEXT NOT NULL,
    "endOn" TEXT,

    CONSTRAINT "OrganisationParent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationAncestry" (
    "id" SERIAL NOT NULL,
    "ancestorId" INTEGER NOT NULL,
    "descendantId" INTEGER NOT NULL,
    "depth" INTEGER NOT NULL,
    "startOn" TEXT NOT NULL,
    "endOn" TEXT,

    CONSTRAINT "OrganisationAncestry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" SERIAL NOT NULL,
    "fullName" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "gender" "Gender",
    "personalHistory" TEXT,
    "admittedOn" TEXT NOT NULL,
    "admittedInId" INTEGER NOT NULL,
    "officialOn" TEXT,
    "leftOn" TEXT,
    "leftReason" "LeavingReason",
    "candidateId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Placement" (
    "id" SERIAL NOT NULL,
    "memberId" INTEGER NOT NULL,
    "cellId" INTEGER NOT NULL,
    "startOn" TEXT NOT NULL,
    "endOn" TEXT,

    CONSTRAINT "Placement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Candidate" (
    "id" SERIAL NOT NULL,
    "fullName" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "gender" "Gender",
    "personalHistory" TEXT,
    "isYouthUnionMember" BOOLEAN NOT NULL DEFAULT false,
    "cellId" INTEGER NOT NULL,
    "source" "CandidateSource" NOT NULL,
    "stage" "CandidateStage" NOT NULL,
    "stageOn" TEXT NOT NULL,
    "certificateOn" TEXT,
    "ageException" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CandidateEvent" (
    "id" SERIAL NOT NULL,
    "candidateId" INTEGER NOT NULL,
    "stage" "CandidateStage" NOT NULL,
    "on" TEXT NOT NULL,
    "actingBody" TEXT NOT NULL,
    "votesFor" INTEGER,
    "votesEligible" INTEGER,
    "note" TEXT,

    CONSTRAINT "CandidateEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Introduction" (
    "id" SERIAL NOT NULL,
    "candidateId" INTEGER NOT NULL,
    "memberId" INTEGER,
    "youthUnion" TEXT,
    "knownSince" TEXT,

    CONSTRAINT "Introduction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "issuedBy" TEXT NOT NULL,
    "startOn" TEXT NOT NULL,
    "endOn" TEXT NOT NULL,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quota" (
    "id" SERIAL NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "programmeId" INTEGER,
    "periodFrom" TEXT NOT NULL,
    "periodTo" TEXT NOT NULL,
    "target" INTEGER NOT NULL,

    CONSTRAINT "Quota_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Leader" (
    "id" SERIAL NOT NULL,
    "fullName" TEXT NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "Leader_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" SERIAL NOT NULL,
    "leaderId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "startOn" TEXT NOT NULL,
    "endOn" TEXT,
    "zone" TEXT,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingVisit" (
    "id" SERIAL NOT NULL,
    "leaderId" INTEGER NOT NULL,
    "cellId" INTEGER NOT NULL,
    "visitedOn" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "MeetingVisit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "role" "TokenRole" NOT NULL,
    "organisationId" INTEGER,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorName" TEXT NOT NULL,
    "actorRole" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationParent" ADD CONSTRAINT "OrganisationParent_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationParent" ADD CONSTRAINT "OrganisationParent_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationAncestry" ADD CONSTRAINT "OrganisationAncestry_ancestorId_fkey" FOREIGN KEY ("ancestorId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationAncestry" ADD CONSTRAINT "OrganisationAncestry_descendantId_fkey" FOREIGN KEY ("descendantId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_admittedInId_fkey" FOREIGN KEY ("admittedInId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_cellId_fkey" FOREIGN KEY ("cellId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_cellId_fkey" FOREIGN KEY ("cellId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateEvent" ADD CONSTRAINT "CandidateEvent_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quota" ADD CONSTRAINT "Quota_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quota" ADD CONSTRAINT "Quota_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Leader"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingVisit" ADD CONSTRAINT "MeetingVisit_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Leader"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingVisit" ADD CONSTRAINT "MeetingVisit_cellId_fkey" FOREIGN KEY ("cellId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

