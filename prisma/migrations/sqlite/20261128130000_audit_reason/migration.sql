-- A correction says why (DESIGN.md, "Corrections"): AuditEvent.reason.
-- RedefineTables: SQLite's ADD COLUMN would leave the stored definition different from a fresh one
-- (server/test/migrations.test.ts compares them), so AuditEvent is rebuilt the way Prisma does it.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorName" TEXT NOT NULL,
    "actorRole" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "reason" TEXT
);
INSERT INTO "new_AuditEvent" ("id", "at", "actorName", "actorRole", "action", "entityType", "entityId", "before", "after") SELECT "id", "at", "actorName", "actorRole", "action", "entityType", "entityId", "before", "after" FROM "AuditEvent";
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");
CREATE INDEX "AuditEvent_actorName_at_idx" ON "AuditEvent"("actorName", "at");
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
