// A step's output as stored, read back as the replay and the .cast export read it.
export async function storedOutput(stepRunId: string): Promise<string> {
  // Imported late: it opens the database, which the test points DATABASE_URL at first.
  const { readOutput } = await import("@/lib/runs/read-output");
  const parts: Buffer[] = [];
  for await (const chunk of readOutput(stepRunId)) parts.push(chunk.data);
  return Buffer.concat(parts).toString();
}
