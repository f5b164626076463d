-- CreateTable
CREATE TABLE "OrderState" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "customerId" TEXT,
    "emailHash" TEXT,
    "phoneHash" TEXT,
    "snapshot" TEXT NOT NULL,
    "sourceUpdatedAt" TIMESTAMP(3) NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OrderState_pkey" PRIMARY KEY ("shop","orderId")
);

-- CreateIndex
CREATE INDEX "OrderState_shop_name_idx" ON "OrderState"("shop", "name");

-- CreateIndex
CREATE INDEX "OrderState_shop_customerId_idx" ON "OrderState"("shop", "customerId");
