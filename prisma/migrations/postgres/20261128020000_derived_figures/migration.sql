-- Derived data for national scale (server/src/derived/): filled by the server on start and by `ketnap derive`.
-- CreateTable
CREATE TABLE "SubtreeDay" (
    "id" SERIAL NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "grain" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "members" INTEGER NOT NULL,
    "admissions" INTEGER NOT NULL,

    CONSTRAINT "SubtreeDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CellRiskSpan" (
    "id" SERIAL NOT NULL,
    "cellId" INTEGER NOT NULL,
    "startOn" TEXT NOT NULL,
    "endOn" TEXT,

    CONSTRAINT "CellRiskSpan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DerivedState" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "DerivedState_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "GrassrootsDay" (
    "id" SERIAL NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "grain" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "sector" "Sector",
    "committees" INTEGER NOT NULL,
    "cells" INTEGER NOT NULL,

    CONSTRAINT "GrassrootsDay_pkey" PRIMARY KEY ("id")
);


-- CreateIndex
CREATE INDEX "SubtreeDay_organisationId_grain_day_idx" ON "SubtreeDay"("organisationId", "grain", "day");

-- CreateIndex
CREATE INDEX "CellRiskSpan_cellId_startOn_idx" ON "CellRiskSpan"("cellId", "startOn");

-- CreateIndex
CREATE INDEX "CellRiskSpan_startOn_idx" ON "CellRiskSpan"("startOn");

-- CreateIndex
CREATE INDEX "GrassrootsDay_organisationId_grain_day_idx" ON "GrassrootsDay"("organisationId", "grain", "day");
