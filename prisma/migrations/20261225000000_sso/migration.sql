-- Single sign-on (issue 11): the sign-in settings an admin changes, one row.
-- CreateTable
CREATE TABLE "SignInSetting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "passwordSignIn" BOOLEAN NOT NULL DEFAULT true,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);
