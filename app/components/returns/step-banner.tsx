/** The step on its way to Shopify after approval: waiting (retried automatically), or refused with Shopify's words. */
import { Form, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Text } from "@shopify/polaris";
import type { Detail } from "./detail-type";
import { busyWith } from "../shared/busy-with";

export function StepBanner({ detail }: { detail: Detail }) {
  const navigation = useNavigation();
  const step = detail.step;
  if (!step) return null;
  if (step.refused) {
    return (
      <Banner tone="critical" title={`Shopify refused a step: ${step.doing}`}>
        <BlockStack gap="200">
          <Text as="p">Shopify's answer: {step.error}</Text>
          <Text as="p">Correct what it asks for (in Shopify if needed), then try again. Nothing is sent twice.</Text>
          <Form method="post">
            <input type="hidden" name="intent" value="retry_step" />
            <Button submit loading={busyWith(navigation, "retry_step")}>
              Try again
            </Button>
          </Form>
        </BlockStack>
      </Banner>
    );
  }
  return (
    <Banner tone="info" title={`Sending to Shopify: ${step.doing}`}>
      <p>Shopify has not confirmed it yet; it is retried automatically{step.nextTry ? ` (next try ${step.nextTry})` : ""}.</p>
    </Banner>
  );
}
