import { Form, useNavigation } from "@remix-run/react";
import { BlockStack, Button, Card, Divider, InlineStack, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { Row } from "../shared/order-summary";
import { TimeLeft } from "../returns/return-status";
import { TicketStatusBadge } from "./ticket-badges";
import type { InboxOutcome } from "../../features/tickets/inbox-actions.server";
import { busyWith } from "../shared/busy-with";
import type { Detail } from "./detail-type";

export function StatusCard({ detail, outcome }: { detail: Detail; outcome: InboxOutcome | undefined }) {
  const navigation = useNavigation();
  const { ticket } = detail;
  const [assignee, setAssignee] = useState(ticket.assignee ?? "");
  const errors = outcome && !outcome.ok && outcome.intent === "assign" ? outcome.fieldErrors : {};
  const options = [{ label: "Unassigned", value: "" }, ...detail.staff.map((s) => ({ label: s.name, value: s.id }))];
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Status
        </Text>
        <Row label="Status">
          <TicketStatusBadge status={ticket.status} />
        </Row>
        {ticket.sla && (
          <InlineStack align="end">
            <TimeLeft sla={ticket.sla} />
          </InlineStack>
        )}
        <Row label="Received">{ticket.created}</Row>
        <Row label="First reply due">{ticket.responseDue}</Row>
        <Row label="Resolution due">{ticket.resolutionDue}</Row>
        {ticket.firstResponse && <Row label="First reply">{ticket.firstResponse}</Row>}
        {ticket.responseOutcome && <Row label="Response SLA">{ticket.responseOutcome}</Row>}
        {ticket.closed && <Row label="Closed">{ticket.closed}</Row>}
        <InlineStack gap="200">
          {ticket.status !== "open" && (
            <Form method="post">
              <input type="hidden" name="intent" value="status" />
              <input type="hidden" name="status" value="open" />
              <Button submit loading={busyWith(navigation, "status", ["status", "open"])}>
                {ticket.status === "closed" ? "Reopen" : "Mark as open"}
              </Button>
            </Form>
          )}
          {ticket.status === "open" && (
            <Form method="post">
              <input type="hidden" name="intent" value="status" />
              <input type="hidden" name="status" value="pending" />
              <Button submit loading={busyWith(navigation, "status", ["status", "pending"])}>
                Mark as pending
              </Button>
            </Form>
          )}
          {ticket.status !== "closed" && (
            <Form method="post">
              <input type="hidden" name="intent" value="close" />
              <Button submit variant="primary" loading={busyWith(navigation, "close")}>
                Close ticket
              </Button>
            </Form>
          )}
        </InlineStack>
        {ticket.status !== "closed" && (
          <Text as="p" tone="subdued" variant="bodySm">
            {ticket.surveySent ? "The satisfaction survey was already sent; closing again sends nothing." : "Closing emails the customer a short satisfaction survey."}
          </Text>
        )}
        <Divider />
        <Form method="post">
          <input type="hidden" name="intent" value="assign" />
          <BlockStack gap="200">
            <Select label="Assignee" name="assignee" options={options} value={assignee} onChange={setAssignee} error={errors.assignee} />
            <InlineStack align="end">
              <Button submit disabled={assignee === (ticket.assignee ?? "")} loading={busyWith(navigation, "assign")}>
                Assign
              </Button>
            </InlineStack>
          </BlockStack>
        </Form>
      </BlockStack>
    </Card>
  );
}
