import { ApiType, shopifyApiProject } from "@shopify/api-codegen-preset";
import { API_VERSION } from "./app/api-version";

// Types every `#graphql` document in app/ against the real Admin schema of API_VERSION.
// scripts/codegen.mjs first unpacks schema/admin_<version>.json.gz to the schema file the preset
// looks for, so nothing is downloaded.
export default {
  projects: {
    default: shopifyApiProject({
      apiType: ApiType.Admin,
      apiVersion: API_VERSION,
      documents: ["./app/**/*.{ts,tsx}", "!./app/types/**"],
      outputDir: "./app/types",
    }),
  },
};
