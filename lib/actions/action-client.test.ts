// What formAction and buttonAction do before an action body runs: the role first, then the form.
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as z from "zod";

const requireUser = vi.fn();
vi.mock("@/lib/auth/session", () => ({ requireUser }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-casebook-remote-addr": "127.0.0.1" }) }));

const { buttonAction, formAction } = await import("./action-client");

const admin = { id: "u1", name: "Ada", email: "ada@example.com", role: "admin" } as const;
const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
};

type State = { ok: boolean; message: string } | null;
const rename = formAction(
  {
    role: "admin",
    input: z.object({ name: z.string().trim().min(1, "Name is required.") }),
    invalid: (error, fields): State => ({ ok: false, message: `${error.issues[0]?.message} (${fields.name})` }),
  },
  async ({ user, input, fields, headers }): Promise<State> => ({
    ok: true,
    message: `${user.name} → ${input.name} (${JSON.stringify(fields)}, ${headers.get("x-casebook-remote-addr")})`,
  }),
);

beforeEach(() => {
  requireUser.mockReset();
});

describe("formAction", () => {
  it("checks the role before reading the form, and stops if the check throws", async () => {
    requireUser.mockRejectedValueOnce(new Error("NEXT_HTTP_ERROR_FALLBACK;403"));
    await expect(rename(null, form({ name: "" }))).rejects.toThrow("403");
    expect(requireUser).toHaveBeenCalledWith("admin");
  });

  it("answers refused input with the spec's state and never runs the body", async () => {
    requireUser.mockResolvedValue(admin);
    expect(await rename(null, form({ name: "  " }))).toEqual({ ok: false, message: "Name is required. (  )" });
  });

  it("runs the body with the user, the parsed input, the text fields (not Next's) and the headers", async () => {
    requireUser.mockResolvedValue(admin);
    const state = await rename(null, form({ name: " Bo ", $ACTION_ID_abc: "" }));
    expect(state).toEqual({ ok: true, message: 'Ada → Bo ({"name":" Bo "}, 127.0.0.1)' });
  });

  it("looks nobody up for a public action", async () => {
    const echo = formAction(
      { role: "public", input: z.object({ token: z.string().default("") }), invalid: () => "bad" },
      async ({ input }) => `token=${input.token}`,
    );
    expect(await echo("", form({}))).toBe("token=");
    expect(requireUser).not.toHaveBeenCalled();
  });
});

describe("buttonAction", () => {
  it("checks the role, then runs with the request headers", async () => {
    requireUser.mockResolvedValue(admin);
    const seen: string[] = [];
    const press = buttonAction({ role: "operator" }, async ({ user, headers }) => {
      seen.push(`${user.id} ${headers.get("x-casebook-remote-addr")}`);
    });
    await press(form({}));
    expect(requireUser).toHaveBeenCalledWith("operator");
    expect(seen).toEqual(["u1 127.0.0.1"]);
  });
});
