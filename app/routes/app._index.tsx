import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Card,
  InlineStack,
  Layout,
  List,
  Page,
  Text,
} from "@shopify/polaris";
import { env } from "../env.server";
import { SCOPES } from "../scopes";
import { authenticate } from "../shopify.server";
import { fetchShopConnection } from "../shopify/shop.server";
import { STOREFRONT_BLOCKS, themeEditorUrl } from "../storefront-blocks";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin } = await authenticate.admin(request);
  const shop = await fetchShopConnection(admin.graphql);
  const missingScopes = SCOPES.filter((scope) => !shop.grantedScopes.includes(scope));
  return {
    shop,
    missingScopes,
    blocks: STOREFRONT_BLOCKS.map((block) => ({
      ...block,
      editorUrl: themeEditorUrl(shop.domain, env.SHOPIFY_API_KEY, block),
    })),
  };
};

export default function Home() {
  const { shop, missingScopes, blocks } = useLoaderData<typeof loader>();
  return (
    <Page title="Harbor Support">
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <InlineStack gap="200" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  {shop.name}
                </Text>
                <Badge tone={missingScopes.length ? "warning" : "success"}>
                  {missingScopes.length ? "Needs permissions" : "Connected"}
                </Badge>
              </InlineStack>
              <Text as="p" tone="subdued">
                {shop.domain} · {shop.timezone} · {shop.currency}
              </Text>
              {missingScopes.length > 0 && (
                <Banner tone="warning" title="Some permissions are missing">
                  <p>
                    Harbor Support cannot read or update everything it needs. Missing:{" "}
                    {missingScopes.join(", ")}. Open the app from your Apps list to grant them.
                  </p>
                </Banner>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Add support to your storefront
              </Text>
              <List type="number">
                <List.Item>In your Shopify admin, open Online Store → Themes → Customize.</List.Item>
                <List.Item>Choose the page (a new "Help" page works well), then Add block → Apps.</List.Item>
                <List.Item>Pick a Harbor Support block below, adjust its settings and save.</List.Item>
              </List>
              {blocks.length === 0 ? (
                <Text as="p" tone="subdued">
                  Storefront blocks arrive with the next releases: order tracking, returns, FAQ and contact.
                </Text>
              ) : (
                <BlockStack gap="200">
                  {blocks.map((block) => (
                    <Box key={block.handle}>
                      <a href={block.editorUrl} target="_top">
                        Add “{block.name}” in the theme editor
                      </a>
                    </Box>
                  ))}
                </BlockStack>
              )}
              <Text as="p" tone="subdued">
                Shoppers reach the blocks through your store&apos;s own address (/apps/support); they never leave your
                store.
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
