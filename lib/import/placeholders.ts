// STUB (interface only; being implemented): placeholders in commands → typed inputs.
import type { DraftInput } from "./playbook-draft";

export interface PlaceholderFound {
  /** As written: `<pod-name>`, `IMAGE`, `/path/to/rootfs`, `user@host`, `${UNSET_VAR}`, `...`. */
  text: string;
  input: DraftInput;
}

/** Rewrites placeholders in `code` to `${NAME}` and returns the inputs they need. `known` holds
 *  inputs already declared by earlier steps (reused by name). `defined` holds the shell variables
 *  the code itself (or an earlier merged block) sets, which are not placeholders. */
export function placeholdersToInputs(
  code: string,
  opts: { known: ReadonlyMap<string, DraftInput>; defined?: ReadonlySet<string> },
): { code: string; found: PlaceholderFound[] } {
  void opts;
  return { code, found: [] };
}

/** The shell variables a command sets (`x=…`, `read x`, `for x in`, `export X=`), and those it uses
 *  (`$x`, `${x}`), so the importer can merge consecutive blocks that share them. */
export async function shellVariables(code: string): Promise<{ sets: Set<string>; uses: Set<string> }> {
  void code;
  return { sets: new Set(), uses: new Set() };
}
