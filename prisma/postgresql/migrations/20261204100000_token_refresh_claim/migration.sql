-- CreateTable
CREATE TABLE "TokenRefreshClaim" (
    "shop" TEXT NOT NULL,
    "claimedUntil" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TokenRefreshClaim_pkey" PRIMARY KEY ("shop")
);
