/** Why a request is not in Shopify yet (with a retry), or why Shopify refused it. */
import { Form, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button } from "@shopify/polaris";
import type { Detail } from "./detail-type";
import { busyWith } from "../shared/busy-with";

export function SyncBanner({ detail }: { detail: Detail }) {
  const navigation = useNavigation();
  const retrying = busyWith(navigation, "retry");
  if (detail.status === "received") {
    return (
      <Banner tone="info" title="Waiting for Shopify — retried automatically">
        <BlockStack gap="200">
          <p>
            The request is stored; Shopify has not accepted it yet.
            {detail.nextSync ? ` Next try: ${detail.nextSync}.` : ""}
            {detail.lastSyncError ? ` Last answer: ${detail.lastSyncError}` : ""}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="retry" />
            <Button submit loading={retrying}>
              Retry now
            </Button>
          </Form>
        </BlockStack>
      </Banner>
    );
  }
  if (detail.status === "failed") {
    return (
      <Banner tone="critical" title="Shopify refused this request">
        <p>{detail.lastSyncError ?? "No reason was given."} Create the return in Shopify's admin, or contact the shopper.</p>
      </Banner>
    );
  }
  return null;
}
