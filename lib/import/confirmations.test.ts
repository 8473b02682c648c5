import { describe, expect, it } from "vitest";
import { answerConfirmations } from "./confirmations";
import { interactiveReason } from "./interactive";

describe("answering package managers' confirmations", () => {
  it.each([
    ["sudo apt-get install podman", "sudo apt-get install -y podman"],
    ["apt update && apt install -q slirp4netns", "apt update && apt install -y -q slirp4netns"],
    ["sudo -E dnf install nvidia-container-toolkit", "sudo -E dnf install -y nvidia-container-toolkit"],
    ["if true; then yum remove docker; fi", "if true; then yum remove -y docker; fi"],
    ["conda create -n env python=3.12", "conda create -y -n env python=3.12"],
    ["pip uninstall torch", "pip uninstall -y torch"],
  ])("%s", async (before, after) => {
    expect(await interactiveReason(before)).not.toBeNull();
    const answered = answerConfirmations(before);
    expect(answered.commands).toBe(after);
    expect(answered.added).toHaveLength(1);
    expect(await interactiveReason(answered.commands)).toBeNull();
  });

  it.each([
    "sudo apt-get install -y podman",
    "dnf --assumeyes install x",
    "apt-cache policy podman",
    "echo apt install x",
  ])("leaves %s alone", (commands) => {
    expect(answerConfirmations(commands)).toEqual({ commands, added: [] });
  });
});
