-- Hamlets (issue 10, item 15): xóm, bản, khối and the like, the commune each belongs to, the cell that
-- serves it and where members live, dated; Đề án 01/ĐA-TU/2016's three counts are read from them.
-- CreateTable
CREATE TABLE "Hamlet" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "establishedOn" TEXT NOT NULL,
    "dissolvedOn" TEXT,
    "mergedIntoId" INTEGER,
    CONSTRAINT "Hamlet_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Hamlet" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HamletCommune" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "hamletId" INTEGER NOT NULL,
    "communeId" INTEGER NOT NULL,
    "startOn" TEXT NOT NULL,
    "endOn" TEXT,
    CONSTRAINT "HamletCommune_hamletId_fkey" FOREIGN KEY ("hamletId") REFERENCES "Hamlet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HamletCommune_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HamletCell" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "hamletId" INTEGER NOT NULL,
    "cellId" INTEGER NOT NULL,
    "startOn" TEXT NOT NULL,
    "endOn" TEXT,
    CONSTRAINT "HamletCell_hamletId_fkey" FOREIGN KEY ("hamletId") REFERENCES "Hamlet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HamletCell_cellId_fkey" FOREIGN KEY ("cellId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Residence" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "memberId" INTEGER NOT NULL,
    "hamletId" INTEGER NOT NULL,
    "startOn" TEXT NOT NULL,
    "endOn" TEXT,
    CONSTRAINT "Residence_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Residence_hamletId_fkey" FOREIGN KEY ("hamletId") REFERENCES "Hamlet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Hamlet_code_key" ON "Hamlet"("code");

-- CreateIndex
CREATE INDEX "HamletCommune_hamletId_startOn_idx" ON "HamletCommune"("hamletId", "startOn");

-- CreateIndex
CREATE INDEX "HamletCommune_communeId_startOn_idx" ON "HamletCommune"("communeId", "startOn");

-- CreateIndex
CREATE INDEX "HamletCell_hamletId_startOn_idx" ON "HamletCell"("hamletId", "startOn");

-- CreateIndex
CREATE INDEX "HamletCell_cellId_startOn_idx" ON "HamletCell"("cellId", "startOn");

-- CreateIndex
CREATE INDEX "Residence_hamletId_startOn_idx" ON "Residence"("hamletId", "startOn");

-- CreateIndex
CREATE INDEX "Residence_memberId_startOn_idx" ON "Residence"("memberId", "startOn");

