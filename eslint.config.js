import js from "@eslint/js";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "node_modules/", "app/types/", "data/", ".cache/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // The shape of app/ (docs/decisions/0013): no import cycles; lib/ is shared code owned by no
    // feature and imports nothing of the app; a feature's domain/ holds pure rules and imports only
    // other rules and lib/ (no database, no framework, no Shopify).
    files: ["app/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".mjs"] })],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./app/lib",
              from: "./app",
              except: ["./lib", "./api-version.ts"],
              message: "lib/ is shared by every feature and imports nothing above it.",
            },
            {
              target: "./app/features/*/domain",
              from: "./app",
              except: ["./features/*/domain", "./lib"],
              message: "Domain rules are pure: they import other rules and lib/, nothing with a database, a framework or Shopify.",
            },
          ],
        },
      ],
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@prisma/*", "@remix-run/*", "@shopify/*", "react", "react-dom", "nodemailer", "pg"], message: "Not in lib/ or domain/." }] },
      ],
    },
  },
  {
    // Everything else in app/ may use the frameworks.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/lib/**", "app/features/*/domain/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Storefront and App Bridge stand-in scripts run in browsers as plain scripts.
    files: ["extensions/**/*.js", "simulator/app-bridge.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
);
