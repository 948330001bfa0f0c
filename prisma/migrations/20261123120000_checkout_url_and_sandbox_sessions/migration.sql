-- AlterTable
ALTER TABLE "donations" ADD COLUMN     "checkout_url" TEXT;

-- CreateEnum
CREATE TYPE "sandbox_session_status" AS ENUM ('open', 'paid', 'declined', 'cancelled');

-- CreateTable
CREATE TABLE "sandbox_sessions" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "locale" TEXT NOT NULL,
    "return_url" TEXT NOT NULL,
    "status" "sandbox_session_status" NOT NULL DEFAULT 'open',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "sandbox_sessions_pkey" PRIMARY KEY ("id")
);
