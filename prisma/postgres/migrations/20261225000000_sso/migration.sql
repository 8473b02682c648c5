-- Single sign-on (issue 11): the sign-in settings an admin changes, one row.
-- CreateTable
CREATE TABLE "SignInSetting" (
    "id" TEXT NOT NULL,
    "passwordSignIn" BOOLEAN NOT NULL DEFAULT true,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInSetting_pkey" PRIMARY KEY ("id")
);
