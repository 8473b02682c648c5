// A command's words split into options and positional arguments, given which options take a value:
// `-it` is -i and -t, `-p8080:80` and `--name=x` carry their value, `-v a:b` takes the next word.

export interface ParsedArgs {
  /** Option name (`-i`, `--tty`) → its value, or true for a flag. The last one given wins. */
  options: Map<string, string | true>;
  /** Indexes (into the words) of the positional arguments. */
  positionals: number[];
  /** Index of a `--` that ended the options, if any. */
  dashDash?: number;
  /** For each option that took a value: the index of the word holding it and where in it the value starts. */
  values: Map<string, { at: number; from: number }[]>;
  /** Index of the word after the last one read (words.length unless `untilPositional` stopped early). */
  end: number;
}

export interface ArgSpec {
  /** Options that take a value (the next word, or the rest of the word). */
  valueOptions: ReadonlySet<string>;
  /** Stop at the first positional (`docker run IMAGE cmd…`: options after the image are the command's). */
  untilPositional?: boolean;
}

export function parseArgs(words: readonly string[], start: number, spec: ArgSpec): ParsedArgs {
  const parsed: ParsedArgs = { options: new Map(), positionals: [], values: new Map(), end: words.length };
  const take = (name: string, value: string | true, at?: number, from = 0) => {
    parsed.options.set(name, value);
    if (at !== undefined) parsed.values.set(name, [...(parsed.values.get(name) ?? []), { at, from }]);
  };
  for (let i = start; i < words.length; i++) {
    const word = words[i] as string;
    if (word === "--") {
      parsed.dashDash = i;
      parsed.end = i;
      return parsed;
    }
    if (word.startsWith("--") && word.length > 2) {
      const eq = word.indexOf("=");
      if (eq > 0) take(word.slice(0, eq), word.slice(eq + 1), i, eq + 1);
      else if (spec.valueOptions.has(word) && i + 1 < words.length) take(word, words[i + 1] as string, ++i);
      else take(word, true);
      continue;
    }
    if (/^-[^-]/.test(word)) {
      if (spec.valueOptions.has(word)) {
        // A one-dash long option (`-name x`) or a short one given alone.
        if (i + 1 < words.length) take(word, words[i + 1] as string, ++i);
        else take(word, true);
        continue;
      }
      for (let j = 1; j < word.length; j++) {
        const name = `-${word[j]}`;
        if (!spec.valueOptions.has(name)) {
          take(name, true);
          continue;
        }
        if (j + 1 < word.length) take(name, word.slice(j + 1), i, j + 1);
        else if (i + 1 < words.length) take(name, words[i + 1] as string, ++i);
        else take(name, true);
        break;
      }
      continue;
    }
    parsed.positionals.push(i);
    if (spec.untilPositional) {
      parsed.end = i + 1;
      return parsed;
    }
  }
  return parsed;
}

/** Whether any of these options was given. */
export function hasOption(args: ParsedArgs, ...names: string[]): boolean {
  return names.some((n) => args.options.has(n));
}
