-- AlterTable: deliveries are recorded first and handled by a job (those received before were handled).
ALTER TABLE "WebhookDelivery" ADD COLUMN "payload" TEXT;
ALTER TABLE "WebhookDelivery" ADD COLUMN "processedAt" DATETIME;
ALTER TABLE "WebhookDelivery" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "WebhookDelivery" ADD COLUMN "error" TEXT;
UPDATE "WebhookDelivery" SET "processedAt" = "receivedAt";

-- AlterTable: the outbox is relayed with retries.
ALTER TABLE "OutboxMessage" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "OutboxMessage" ADD COLUMN "nextAttemptAt" DATETIME;
ALTER TABLE "OutboxMessage" ADD COLUMN "claimedUntil" DATETIME;

-- CreateTable
CREATE TABLE "OrderClaim" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "orderId")
);

-- CreateIndex
CREATE INDEX "WebhookDelivery_processedAt_receivedAt_idx" ON "WebhookDelivery"("processedAt", "receivedAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");
