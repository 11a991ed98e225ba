-- Derived data for national scale (server/src/derived/): filled by the server on start and by `ketnap derive`.
-- CreateTable
CREATE TABLE "SubtreeDay" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "organisationId" INTEGER NOT NULL,
    "grain" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "members" INTEGER NOT NULL,
    "admissions" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "CellRiskSpan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "cellId" INTEGER NOT NULL,
    "startOn" TEXT NOT NULL,
    "endOn" TEXT
);

-- CreateTable
CREATE TABLE "DerivedState" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "GrassrootsDay" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "organisationId" INTEGER NOT NULL,
    "grain" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "sector" TEXT,
    "committees" INTEGER NOT NULL,
    "cells" INTEGER NOT NULL
);


-- CreateIndex
CREATE INDEX "SubtreeDay_organisationId_grain_day_idx" ON "SubtreeDay"("organisationId", "grain", "day");

-- CreateIndex
CREATE INDEX "CellRiskSpan_cellId_startOn_idx" ON "CellRiskSpan"("cellId", "startOn");

-- CreateIndex
CREATE INDEX "CellRiskSpan_startOn_idx" ON "CellRiskSpan"("startOn");

-- CreateIndex
CREATE INDEX "GrassrootsDay_organisationId_grain_day_idx" ON "GrassrootsDay"("organisationId", "grain", "day");
