-- A correction says why (DESIGN.md, "Corrections"): AuditEvent.reason.
-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "reason" TEXT;

