// The linter run by `npm test`: ESLint's and typescript-eslint's recommended rules, without type
// information (tsc checks the types in the same command). The project's TypeScript is 6.0, the
// newest release typescript-eslint's parser supports (TypeScript 7 has no JavaScript API).
import eslint from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["dist/", "node_modules/", "data/"] },
  eslint.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a binding left unused on purpose (a destructured rest, a callback's slot).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // The Bot API emulator takes whatever JSON a bot sends, as Telegram does, and answers with
    // Telegram's objects; typing every method's parameters would be a second Bot API typing.
    files: ["test/support/emulator.ts", "test/support/emulator/**", "test/unit/emulator.test.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
