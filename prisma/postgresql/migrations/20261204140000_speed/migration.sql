-- DropIndex
DROP INDEX "ReturnRequest_shop_status_respondBy_idx";

-- DropIndex
DROP INDEX "SupportEvent_shop_type_at_idx";

-- DropIndex
DROP INDEX "Ticket_shop_status_responseDueAt_idx";

-- DropIndex
DROP INDEX "Ticket_shop_createdAt_idx";

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "dueAt" TIMESTAMP(3);
UPDATE "Ticket" SET "dueAt" = CASE WHEN "firstResponseAt" IS NULL THEN "responseDueAt" ELSE "resolutionDueAt" END;
ALTER TABLE "Ticket" ALTER COLUMN "dueAt" SET NOT NULL;

-- CreateTable
CREATE TABLE "ShopErasure" (
    "shop" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted" INTEGER NOT NULL DEFAULT 0,
    "batches" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ShopErasure_pkey" PRIMARY KEY ("shop")
);

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
CREATE INDEX "Ticket_shop_createdAt_firstResponseAt_closedAt_responseDueA_idx" ON "Ticket"("shop", "createdAt", "firstResponseAt", "closedAt", "responseDueAt", "csatRating");

-- CreateIndex
CREATE INDEX "Ticket_shop_status_dueAt_createdAt_id_idx" ON "Ticket"("shop", "status", "dueAt", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Ticket_shop_status_lastMessageAt_id_idx" ON "Ticket"("shop", "status", "lastMessageAt", "id");

-- CreateIndex
CREATE INDEX "Ticket_shop_lastMessageAt_id_idx" ON "Ticket"("shop", "lastMessageAt", "id");

-- CreateIndex
CREATE INDEX "Ticket_shop_visitor_createdAt_idx" ON "Ticket"("shop", "visitor", "createdAt");

-- CreateIndex
CREATE INDEX "TicketMessage_shop_idx" ON "TicketMessage"("shop");

