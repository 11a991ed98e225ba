-- Widgets frozen at publication (issue 12, item 3): a public answer kept for ever under a short id.
-- CreateTable
CREATE TABLE "WidgetSnapshot" (
    "id" TEXT NOT NULL,
    "element" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "frozenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "WidgetSnapshot_pkey" PRIMARY KEY ("id")
);

