import { describe, expect, it } from "vitest";
import { agentCommand } from "./agent-command";

describe("agentCommand", () => {
  it("passes the token in the environment and quotes what the shell would split", () => {
    expect(agentCommand({ serverUrl: "http://127.0.0.1:3000", token: "cbk_abc-DEF_123", name: "web-1" })).toBe(
      "CASEBOOK_TOKEN=cbk_abc-DEF_123 node agent/bin/casebook-agent.js --server http://127.0.0.1:3000 --name web-1",
    );
    expect(agentCommand({ serverUrl: "https://x.example/a b", token: "t'k", name: "h" })).toBe(
      "CASEBOOK_TOKEN='t'\\''k' node agent/bin/casebook-agent.js --server 'https://x.example/a b' --name h",
    );
  });
});
