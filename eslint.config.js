// ESLint for Anupalan (flat config, ESLint 9 — ESLint 10 and the newest plugins need Node 22).
//
// Besides the usual TypeScript, hooks and accessibility rules, the file enforces the layering
// described in the README (and docs/decisions/019-lint-and-layering.md):
//   components  never import models or db        (they draw what a route hands them)
//   schemas     never import db                    (they run in the browser)
//   models      never import components or routes (they answer queries, not requests)
//   routes      never import db                    (they reach data through app/models)
// and no app code but rows.server.ts imports sql.server (raw rows are decoded by selectChecked, not cast).
// tests/lint-fixtures/ holds one deliberate violation per rule; tests/unit/lint-rules.test.ts
// runs ESLint on them and fails if a rule stops firing.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import jsxA11y from "eslint-plugin-jsx-a11y";
import globals from "globals";

/** Import patterns (gitignore style, matched against the import string) for each layer. */
const layer = {
  db: ["**/db/*", "**/db/**", "~/db.server", "**/db.server"],
  models: ["~/models/*", "**/models/*"],
  components: ["~/components/*", "**/components/*"],
  routes: ["~/routes/*", "**/routes/*"],
};

/**
 * A no-restricted-imports rule forbidding the given layers, with the reason in the message; and,
 * unless `rawRows` is allowed (rows.server.ts only), the unchecked selectRows of sql.server.ts.
 */
function forbid(from, layers, { rawRows = false } = {}) {
  const patterns = layers.map((name) => ({
    group: layer[name],
    message: `Layering: ${from} never import ${name} (see docs/decisions/019-lint-and-layering.md).`,
  }));
  if (!rawRows) {
    patterns.push({
      group: ["~/models/sql.server", "**/sql.server"],
      message: `Layering: ${from} never import sql.server: decode raw rows with selectChecked (app/models/rows.server.ts), never cast them (decision 020).`,
    });
  }
  return { "no-restricted-imports": ["error", { patterns }] };
}

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "build/",
      "public/build/",
      ".cache/",
      "data/",
      "test-results/",
      "playwright-report/",
      "tests/.tmp/",
      "db/migrations/",
      // Deliberate violations; linted on purpose by tests/unit/lint-rules.test.ts only.
      "tests/lint-fixtures/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // Remix's loaders and actions throw Responses; that is the framework's way, not a mistake.
      "@typescript-eslint/only-throw-error": "off",
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      ...jsxA11y.flatConfigs.recommended.rules,
      // A scrolling table region must be reachable by keyboard (axe: scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["region"], tags: [] }],
      // Small units (decision 026): a file holds one concern, a function one step.
      "max-lines": ["error", { max: 400, skipBlankLines: false, skipComments: false }],
      "max-lines-per-function": ["error", { max: 120, skipBlankLines: false, skipComments: false, IIFEs: true }],
    },
  },
  // ----- Layering -----
  { files: ["app/**/*.{ts,tsx}"], rules: forbid("app", []) },
  { files: ["app/components/**/*.{ts,tsx}"], rules: forbid("components", ["models", "db", "routes"]) },
  {
    files: ["app/schemas/**/*.{ts,tsx}", "app/domain/**/*.{ts,tsx}", "app/i18n/**/*.ts"],
    rules: forbid("schemas", ["db", "models", "components", "routes"]),
  },
  { files: ["app/models/**/*.{ts,tsx}"], rules: forbid("models", ["components", "routes"]) },
  { files: ["app/routes/**/*.{ts,tsx}", "app/root.tsx"], rules: forbid("routes", ["db"]) },
  // The one reader of raw rows: selectChecked decodes each with its row schema.
  { files: ["app/models/rows.server.ts"], rules: forbid("models", ["components", "routes"], { rawRows: true }) },
  // Test and tooling code may use `any` in fakes and reach every layer.
  {
    files: ["tests/**/*.{ts,tsx}", "db/**/*.ts", "*.config.{js,ts}", "server.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
