import js from "@eslint/js";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** A bare specifier (a package, node:…, ~/…): storefront code has none. */
const storefrontOnly = { regex: "^[^.]", message: "Storefront code imports only storefront/src: the block scripts ship without dependencies." };

export default tseslint.config(
  // The block scripts in the theme extension's assets/ are built from storefront/src (linted there).
  { ignores: ["build/", "node_modules/", "app/types/", "data/", ".cache/", "extensions/harbor-support-theme/assets/*.js"] },
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
  // Storefront code runs in shoppers' browsers, built into dependency-free block scripts: it imports
  // only storefront/src (no admin code, no packages, nothing from Node).
  {
    files: ["storefront/src/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [storefrontOnly, { regex: "^\\.\\./", message: "Import only from storefront/src." }] }] },
  },
  {
    files: ["storefront/src/*/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [storefrontOnly, { regex: "^\\.\\./\\.\\./", message: "Import only from storefront/src." }] }] },
  },
  {
    // The App Bridge stand-in runs in browsers as a plain script.
    files: ["simulator/app-bridge.js"],
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
);
