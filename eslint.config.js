import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import stylistic from "@stylistic/eslint-plugin";
import { leftBehindDirs } from "./scripts/lib/left-behind.mjs";

// Prettier owns formatting; this only catches the lines it cannot break (long strings, regexes, comments).
const maxLen = { code: 120, ignoreUrls: true };

export default tseslint.config(
  {
    ignores: ["**/node_modules/", "next-env.d.ts", "agent/dist/", ...leftBehindDirs(import.meta.dirname)],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    plugins: { "@stylistic": stylistic },
    rules: { "@stylistic/max-len": ["error", maxLen] },
  },
  {
    // A table: the template literal is the Markdown table of the streaming report, one row per line.
    files: ["bench/stream/report-table.ts"],
    rules: { "@stylistic/max-len": ["error", { ...maxLen, ignoreTemplateLiterals: true }] },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
