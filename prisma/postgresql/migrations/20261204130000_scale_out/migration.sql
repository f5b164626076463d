-- AlterTable: deliveries are recorded first and handled by a job (those received before were handled).
ALTER TABLE "WebhookDelivery" ADD COLUMN     "payload" TEXT,
ADD COLUMN     "processedAt" TIMESTAMP(3),
ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "error" TEXT;
UPDATE "WebhookDelivery" SET "processedAt" = "receivedAt";

-- AlterTable: the outbox is relayed with retries.
ALTER TABLE "OutboxMessage" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3),
ADD COLUMN     "claimedUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "OrderClaim" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderClaim_pkey" PRIMARY KEY ("shop","orderId")
);

-- CreateIndex
CREATE INDEX "WebhookDelivery_processedAt_receivedAt_idx" ON "WebhookDelivery"("processedAt", "receivedAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");
