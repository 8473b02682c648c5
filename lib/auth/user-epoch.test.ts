import { describe, expect, it } from "vitest";
import { bumpUser, changedSince, onUserChange, userClock } from "./user-epoch";

describe("user epochs", () => {
  it("tells whether a user changed after a point in time, and tells listeners at once", () => {
    const heard: string[] = [];
    const stop = onUserChange((id, origin) => heard.push(`${id}:${origin}`));
    const before = userClock();
    expect(changedSince("epoch-a", before)).toBe(false);
    bumpUser("epoch-a");
    bumpUser("epoch-b", "remote");
    expect(changedSince("epoch-a", before)).toBe(true);
    expect(changedSince("epoch-a", userClock())).toBe(false);
    expect(changedSince("epoch-c", before)).toBe(false);
    expect(heard).toEqual(["epoch-a:local", "epoch-b:remote"]);
    stop();
    bumpUser("epoch-a");
    expect(heard).toHaveLength(2);
  });

  it("counts a bump that lands between taking the clock and reading the user as a change", () => {
    const clock = userClock();
    bumpUser("epoch-race"); // e.g. a ban while the session row was being read
    expect(changedSince("epoch-race", clock)).toBe(true);
  });
});
