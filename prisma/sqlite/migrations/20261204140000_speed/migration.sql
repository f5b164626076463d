-- DropIndex
DROP INDEX "ReturnRequest_shop_status_respondBy_idx";

-- DropIndex
DROP INDEX "SupportEvent_shop_type_at_idx";

-- CreateTable
CREATE TABLE "ShopErasure" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted" INTEGER NOT NULL DEFAULT 0,
    "batches" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" DATETIME,
    "finishedAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Ticket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "priorityReasons" TEXT NOT NULL DEFAULT '[]',
    "subject" TEXT NOT NULL,
    "customerName" TEXT NOT NULL,
    "customerEmail" TEXT NOT NULL,
    "customerId" TEXT,
    "segment" TEXT,
    "orderId" TEXT,
    "orderName" TEXT,
    "visitor" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "assignee" TEXT,
    "responseDueAt" DATETIME NOT NULL,
    "resolutionDueAt" DATETIME NOT NULL,
    "firstResponseAt" DATETIME,
    "closedAt" DATETIME,
    "surveySentAt" DATETIME,
    "csatRating" INTEGER,
    "csatComment" TEXT,
    "csatAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "lastMessageAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" DATETIME NOT NULL
);
INSERT INTO "new_Ticket" ("assignee", "category", "closedAt", "createdAt", "csatAt", "csatComment", "csatRating", "customerEmail", "customerId", "customerName", "firstResponseAt", "id", "lastMessageAt", "locale", "orderId", "orderName", "priority", "priorityReasons", "reference", "resolutionDueAt", "responseDueAt", "segment", "shop", "status", "subject", "surveySentAt", "topic", "updatedAt", "visitor", "dueAt") SELECT "assignee", "category", "closedAt", "createdAt", "csatAt", "csatComment", "csatRating", "customerEmail", "customerId", "customerName", "firstResponseAt", "id", "lastMessageAt", "locale", "orderId", "orderName", "priority", "priorityReasons", "reference", "resolutionDueAt", "responseDueAt", "segment", "shop", "status", "subject", "surveySentAt", "topic", "updatedAt", "visitor", CASE WHEN "firstResponseAt" IS NULL THEN "responseDueAt" ELSE "resolutionDueAt" END FROM "Ticket";
DROP TABLE "Ticket";
ALTER TABLE "new_Ticket" RENAME TO "Ticket";
CREATE INDEX "Ticket_shop_createdAt_firstResponseAt_closedAt_responseDueAt_csatRating_idx" ON "Ticket"("shop", "createdAt", "firstResponseAt", "closedAt", "responseDueAt", "csatRating");
CREATE INDEX "Ticket_shop_customerEmail_idx" ON "Ticket"("shop", "customerEmail");
CREATE INDEX "Ticket_shop_status_dueAt_createdAt_id_idx" ON "Ticket"("shop", "status", "dueAt", "createdAt", "id");
CREATE INDEX "Ticket_shop_status_lastMessageAt_id_idx" ON "Ticket"("shop", "status", "lastMessageAt", "id");
CREATE INDEX "Ticket_shop_lastMessageAt_id_idx" ON "Ticket"("shop", "lastMessageAt", "id");
CREATE INDEX "Ticket_shop_visitor_createdAt_idx" ON "Ticket"("shop", "visitor", "createdAt");
CREATE UNIQUE INDEX "Ticket_shop_reference_key" ON "Ticket"("shop", "reference");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ShopErasure_finishedAt_idx" ON "ShopErasure"("finishedAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_receivedAt_idx" ON "WebhookDelivery"("receivedAt");

-- CreateIndex
CREATE INDEX "ReturnRequest_shop_shopifyReturnId_idx" ON "ReturnRequest"("shop", "shopifyReturnId");

-- CreateIndex
CREATE INDEX "ReturnRequest_nextSyncAt_idx" ON "ReturnRequest"("nextSyncAt");

-- CreateIndex
CREATE INDEX "ReturnRequest_shop_status_respondBy_createdAt_id_idx" ON "ReturnRequest"("shop", "status", "respondBy", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ReturnRequest_shop_status_decidedAt_createdAt_id_idx" ON "ReturnRequest"("shop", "status", "decidedAt", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ReturnRequest_shop_status_receivedAt_createdAt_id_idx" ON "ReturnRequest"("shop", "status", "receivedAt", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ReturnRequest_shop_status_updatedAt_id_idx" ON "ReturnRequest"("shop", "status", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "ReturnRequest_shop_pendingStep_stepStartedAt_createdAt_id_idx" ON "ReturnRequest"("shop", "pendingStep", "stepStartedAt", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ReturnRequest_shop_createdAt_id_idx" ON "ReturnRequest"("shop", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ReturnLabel_shop_idx" ON "ReturnLabel"("shop");

-- CreateIndex
CREATE INDEX "ReturnPhoto_shop_idx" ON "ReturnPhoto"("shop");

-- CreateIndex
CREATE INDEX "ReturnEvent_shop_idx" ON "ReturnEvent"("shop");

-- CreateIndex
CREATE INDEX "OutboxMessage_createdAt_idx" ON "OutboxMessage"("createdAt");

-- CreateIndex
CREATE INDEX "FaqTranslation_shop_idx" ON "FaqTranslation"("shop");

-- CreateIndex
CREATE INDEX "SupportEvent_shop_type_at_visitor_idx" ON "SupportEvent"("shop", "type", "at", "visitor");

-- CreateIndex
CREATE INDEX "SupportEvent_at_idx" ON "SupportEvent"("at");

-- CreateIndex
CREATE INDEX "TicketMessage_shop_idx" ON "TicketMessage"("shop");

