/** "Parcel arrived": the items are in, not yet inspected (the shopper is told). */
import { Form, useNavigation } from "@remix-run/react";
import { BlockStack, Button, InlineStack, Text } from "@shopify/polaris";
import { busyWith } from "../shared/busy-with";

export function ArrivedForm() {
  const navigation = useNavigation();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="mark_returned" />
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">
          Parcel arrived
        </Text>
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <Text as="p" tone="subdued">
            Note its arrival now and record what came back once it is inspected.
          </Text>
          <Button submit loading={busyWith(navigation, "mark_returned")}>
            Parcel arrived
          </Button>
        </InlineStack>
      </BlockStack>
    </Form>
  );
}
