/** "Attach label": the return label's link and/or tracking, sent to Shopify as the return's delivery. */
import { Form, useNavigation } from "@remix-run/react";
import { Button, FormLayout, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { errorsFor, TRACKING_NUMBER_MAX, type FormOutcome } from "../../features/returns/request-forms";
import { busyWith } from "../shared/busy-with";

export function LabelForm({ outcome }: { outcome: FormOutcome | undefined }) {
  const navigation = useNavigation();
  const { fieldErrors } = errorsFor(outcome, "attach_label");
  const [labelUrl, setLabelUrl] = useState("");
  const [trackingNumber, setTrackingNumber] = useState("");
  const [trackingUrl, setTrackingUrl] = useState("");
  const [carrierName, setCarrierName] = useState("");
  return (
    <Form method="post" encType="multipart/form-data">
      <input type="hidden" name="intent" value="attach_label" />
      <FormLayout>
        <Text as="h3" variant="headingSm">
          Attach the return label
        </Text>
        <Text as="p" tone="subdued">
          Give the label (its link, or a PDF, PNG or JPEG file up to 2 MB), a tracking number, or both. Links must start with https://.
        </Text>
        <TextField
          label="Label link"
          name="labelUrl"
          type="url"
          value={labelUrl}
          onChange={setLabelUrl}
          autoComplete="off"
          placeholder="https://"
          error={fieldErrors.labelUrl}
        />
        <div>
          <label htmlFor="label-file">
            <Text as="span" variant="bodyMd">
              Or upload the label file
            </Text>
          </label>
          <input id="label-file" name="labelFile" type="file" accept="application/pdf,image/png,image/jpeg" />
        </div>
        <FormLayout.Group>
          <TextField
            label="Tracking number"
            name="trackingNumber"
            value={trackingNumber}
            onChange={setTrackingNumber}
            autoComplete="off"
            maxLength={TRACKING_NUMBER_MAX}
            error={fieldErrors.trackingNumber}
          />
          <TextField label="Carrier" name="carrierName" value={carrierName} onChange={setCarrierName} autoComplete="off" maxLength={100} error={fieldErrors.carrierName} />
        </FormLayout.Group>
        <TextField
          label="Tracking link"
          name="trackingUrl"
          type="url"
          value={trackingUrl}
          onChange={setTrackingUrl}
          autoComplete="off"
          placeholder="https://"
          error={fieldErrors.trackingUrl}
        />
        <InlineStack align="end">
          <Button submit loading={busyWith(navigation, "attach_label")}>
            Attach label
          </Button>
        </InlineStack>
      </FormLayout>
    </Form>
  );
}
