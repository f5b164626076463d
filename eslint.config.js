import js from "@eslint/js";
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
