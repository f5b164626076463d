-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "returnReasonIds" TEXT,
ADD COLUMN     "returnReasonsAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ReturnRequest" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "pendingStep" TEXT,
ADD COLUMN     "stepStartedAt" TIMESTAMP(3),
ADD COLUMN     "keepItems" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reverseFulfillmentOrderId" TEXT,
ADD COLUMN     "reverseDeliveryId" TEXT,
ADD COLUMN     "labelUrl" TEXT,
ADD COLUMN     "trackingNumber" TEXT,
ADD COLUMN     "trackingUrl" TEXT,
ADD COLUMN     "carrierName" TEXT,
ADD COLUMN     "receivedAt" TIMESTAMP(3),
ADD COLUMN     "inspectionNote" TEXT,
ADD COLUMN     "settlement" TEXT,
ADD COLUMN     "settlementReason" TEXT,
ADD COLUMN     "refundId" TEXT,
ADD COLUMN     "bonusTransactionId" TEXT,
ADD COLUMN     "processedAt" TIMESTAMP(3),
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "exchangeVariantTitle" TEXT,
ADD COLUMN     "exchangeLineItemId" TEXT,
ADD COLUMN     "exchangeTrackingNumber" TEXT,
ADD COLUMN     "exchangeTrackingUrl" TEXT;

-- AlterTable
ALTER TABLE "ReturnRequestItem" ADD COLUMN     "unitPrice" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "restocked" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "notRestocked" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "missing" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ReturnLabel" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReturnLabel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReturnRequest_shop_pendingStep_nextSyncAt_idx" ON "ReturnRequest"("shop", "pendingStep", "nextSyncAt");

-- CreateIndex
CREATE INDEX "ReturnLabel_requestId_idx" ON "ReturnLabel"("requestId");

-- AddForeignKey
ALTER TABLE "ReturnLabel" ADD CONSTRAINT "ReturnLabel_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ReturnRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
