-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "proxyPath" TEXT;
