import { describe, expect, it } from "vitest";
import { CommandTurns, TURN_LEASE_MS } from "./command-turns";

/** What Prisma's SQLite adapter does: work in microtasks only, never a trip to the event loop. */
async function compute(ms: number): Promise<void> {
  const until = performance.now() + ms;
  while (performance.now() < until) await Promise.resolve();
}

describe("CommandTurns", () => {
  it("lets the event loop run between commands that never leave microtasks", async () => {
    const turns = new CommandTurns();
    const order: string[] = [];
    // Stands for an agent's output waiting in the poll phase.
    setTimeout(() => order.push("timer"), 0);
    await Promise.all(
      ["a", "b", "c"].map((name) =>
        turns.take(async () => {
          order.push(`${name} starts`);
          await compute(15);
          order.push(`${name} ends`);
        }),
      ),
    );
    expect(order).toEqual(["a starts", "a ends", "timer", "b starts", "b ends", "c starts", "c ends"]);

    // Without turns the same commands run side by side and the timer waits for all of them.
    order.length = 0;
    setTimeout(() => order.push("timer"), 0);
    await Promise.all(["a", "b"].map(() => compute(15).then(() => order.push("ends"))));
    expect(order).toEqual(["ends", "ends"]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(order).toEqual(["ends", "ends", "timer"]);
  });

  it("lets the next command go while one waits for I/O, once its lease is up", async () => {
    const turns = new CommandTurns();
    const ended: string[] = [];
    const slow = turns.take(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20 * TURN_LEASE_MS));
      ended.push("slow");
    });
    const quick = turns.take(async () => void ended.push("quick"));
    await Promise.all([slow, quick]);
    expect(ended).toEqual(["quick", "slow"]);
  });

  it("passes a command's result and error through, and a failed command frees its turn", async () => {
    const turns = new CommandTurns();
    const failed = turns.take(async () => {
      throw new Error("database is locked");
    });
    const next = turns.take(async () => 42);
    await expect(failed).rejects.toThrow("database is locked");
    expect(await next).toBe(42);
  });
});
