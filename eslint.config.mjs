// ESLint for the TypeScript sources, tests and scripts. Formatting is Prettier's (.prettierrc.json):
// eslint-config-prettier turns off every rule that would argue with it. What Prettier cannot wrap
// (comments, long strings) is held to the same 140 columns by @stylistic/max-len.
// The rules need no type information, so a lint of the whole tree stays a matter of seconds.
import js from "@eslint/js";
import stylistic from "@stylistic/eslint-plugin";
import prettier from "eslint-config-prettier";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

/** The Node.js globals that the plain JavaScript files use (TypeScript files are checked by tsc). */
const NODE_GLOBALS = Object.fromEntries(
  ["process", "console", "Buffer", "URL", "setTimeout", "clearTimeout", "require", "module", "exports", "__dirname", "__filename"].map(
    (name) => [name, "readonly"],
  ),
);

export default defineConfig(
  {
    ignores: [
      "dist/**",
      "out/**",
      "node_modules/**",
      ".cache/**",
      ".scratch/**",
      "test-results/**",
      "examples/**",
      "test/fixtures/**",
      "**/*.generated.*",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  prettier,
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    // CommonJS files load their modules with require(): that is what they are.
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Tests match document text as it is written, indentation and aligned comments included.
    files: ["test/**"],
    rules: { "no-regex-spaces": "off" },
  },
  {
    plugins: { "@stylistic": stylistic },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // A leading underscore marks a parameter or binding kept for its position or its shape.
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
      "@stylistic/max-len": ["error", { code: 140, tabWidth: 2, ignoreUrls: true }],
    },
  },
);
