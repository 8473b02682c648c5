import { describe, expect, it } from "vitest";
import { SIGN_IN_LIMITED } from "@/lib/auth/sign-in-limit-code";
import { signInErrorMessage, ssoErrorMessage } from "./sign-in-error";

describe("signInErrorMessage", () => {
  it("does not reveal whether the email or the password was wrong", () => {
    expect(
      signInErrorMessage(401, { message: "Invalid email or password", code: "INVALID_EMAIL_OR_PASSWORD" }, null),
    ).toBe("Wrong email or password.");
  });

  it("says how long to wait when rate-limited", () => {
    expect(signInErrorMessage(429, { message: "Too many requests. Please try again later." }, "42")).toBe(
      "Too many sign-in attempts. Try again in 42 seconds.",
    );
    expect(signInErrorMessage(429, null, "1")).toBe("Too many sign-in attempts. Try again in 1 second.");
    expect(signInErrorMessage(429, null, null)).toBe("Too many sign-in attempts. Try again in a minute.");
  });

  it("gives the sign-in limit's reason, and the wait in minutes once it is that long", () => {
    const account = { code: SIGN_IN_LIMITED, message: "Too many failed sign-ins for this account." };
    expect(signInErrorMessage(429, account, "900")).toBe(
      "Too many failed sign-ins for this account. Try again in 15 minutes.",
    );
    expect(signInErrorMessage(429, account, "61")).toBe(
      "Too many failed sign-ins for this account. Try again in 2 minutes.",
    );
    expect(signInErrorMessage(429, account, "60")).toBe(
      "Too many failed sign-ins for this account. Try again in 1 minute.",
    );
    const address = { code: SIGN_IN_LIMITED, message: "Too many failed sign-ins from your address." };
    expect(signInErrorMessage(429, address, "5")).toBe(
      "Too many failed sign-ins from your address. Try again in 5 seconds.",
    );
    // Only our own code's message is shown as the reason.
    expect(signInErrorMessage(429, { code: "OTHER", message: "<script>" }, "5")).toBe(
      "Too many sign-in attempts. Try again in 5 seconds.",
    );
  });

  it("passes on the server's reason for a ban or bad input", () => {
    expect(signInErrorMessage(403, { message: "This account is disabled. Ask an admin to re-enable it." }, null)).toBe(
      "This account is disabled. Ask an admin to re-enable it.",
    );
    expect(signInErrorMessage(400, { message: "Invalid email" }, null)).toBe("Invalid email.");
    expect(signInErrorMessage(500, "<html>", null)).toBe("Sign-in failed (HTTP 500). Try again, or ask an admin.");
  });
});

describe("ssoErrorMessage", () => {
  it("explains the codes single sign-on sends back, in the provider's name", () => {
    expect(ssoErrorMessage("sso_no_role", "Okta")).toMatch(/^Okta does not put you in any group/);
    expect(ssoErrorMessage("sso_not_provisioned", "Okta")).toMatch(/an admin must add your email first/);
    expect(ssoErrorMessage("BANNED_USER", "Okta")).toMatch(/This account is disabled/);
  });

  it("never repeats text from the URL beyond a short code", () => {
    const message = ssoErrorMessage("<b>call 555-0100 now</b>", "Okta");
    expect(message).toBe("Sign-in with Okta failed (bcall555-0100nowb). Try again, or ask an admin.");
  });
});
