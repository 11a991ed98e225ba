-- The report's breakdowns kept like SubtreeDay's totals (server/src/derived/report-days.ts): filled on start and by `ketnap derive`.
-- CreateTable
CREATE TABLE "ReportDay" (
    "id" SERIAL NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "grain" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "members" INTEGER NOT NULL,
    "admissions" INTEGER NOT NULL,

    CONSTRAINT "ReportDay_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportDay_organisationId_grain_day_idx" ON "ReportDay"("organisationId", "grain", "day");
