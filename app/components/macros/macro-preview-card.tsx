import { useFetcher } from "@remix-run/react";
import { BlockStack, Box, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { useMemo, useState } from "react";
import { renderMacro } from "../../features/macros/domain/template";
import { exampleContext, type MacroContext } from "../../features/macros/domain/variables";
import type { OrderPreviewOutcome } from "../../features/macros/order-preview.server";

/** Rendered in the browser with the same sandboxed engine the server uses. */
export function PreviewCard({ body }: { body: string }) {
  const order = useFetcher<OrderPreviewOutcome>();
  const [orderNumber, setOrderNumber] = useState("");
  const [useOrder, setUseOrder] = useState(true);
  const example = useMemo(() => exampleContext(), []);
  const orderContext: MacroContext | null =
    useOrder && order.data?.ok ? order.data.context : null;
  const rendered = useMemo(
    () => (body.trim() ? renderMacro(body, orderContext ?? example) : null),
    [body, orderContext, example]
  );
  const loadOrder = () => {
    setUseOrder(true);
    order.submit({ intent: "preview-order", orderNumber }, { method: "post" });
  };

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Preview
        </Text>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            loadOrder();
          }}
        >
          <TextField
            label="Preview with an order"
            autoComplete="off"
            placeholder="#1001"
            value={orderNumber}
            onChange={setOrderNumber}
            error={
              order.state === "idle" && order.data && !order.data.ok
                ? order.data.message
                : undefined
            }
            connectedRight={
              <Button
                submit
                loading={order.state !== "idle"}
                disabled={!orderNumber.trim()}
              >
                Load
              </Button>
            }
          />
        </form>
        <InlineStack gap="200" blockAlign="center">
          <Text as="p" tone="subdued">
            {orderContext
              ? `Order ${orderContext.order.name}; customer, totals and the rest are examples.`
              : "Example values."}
          </Text>
          {orderContext && (
            <Button variant="plain" onClick={() => setUseOrder(false)}>
              Use examples
            </Button>
          )}
        </InlineStack>
        <Box padding="300" background="bg-surface-secondary" borderRadius="200">
          {rendered === null ? (
            <Text as="p" tone="subdued">
              Write a reply to see it here.
            </Text>
          ) : rendered.ok ? (
            <div style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
              {rendered.text}
            </div>
          ) : (
            <Text as="p" tone="critical">
              {rendered.error}
            </Text>
          )}
        </Box>
      </BlockStack>
    </Card>
  );
}
