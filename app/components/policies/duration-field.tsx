/** A response-time target typed as a number and a unit (minutes or hours). */
import { Select, TextField } from "@shopify/polaris";
import type { ReactNode } from "react";
import { formatResponseTime } from "../../lib/format";
import { durationMinutes, type DurationValue } from "../../features/policies/support-form";

const UNIT_OPTIONS = [
  { value: "minutes", label: "minutes" },
  { value: "hours", label: "hours" },
];

/** "= 2 hours" under a duration while what is typed is one; nothing while it is not. */
function durationHint(value: DurationValue): string | undefined {
  const minutes = durationMinutes(value);
  return typeof minutes === "number" && Number.isFinite(minutes) && minutes >= 0 ? `= ${formatResponseTime(minutes)}` : undefined;
}

export function DurationField({ label, value, onChange, error }: { label: ReactNode; value: DurationValue; onChange(value: DurationValue): void; error?: string }) {
  return (
    <TextField
      label={label}
      type="number"
      min={0}
      autoComplete="off"
      value={value.amount}
      onChange={(amount) => onChange({ ...value, amount })}
      error={error}
      helpText={durationHint(value)}
      connectedRight={
        <Select
          label="Unit"
          labelHidden
          options={UNIT_OPTIONS}
          value={value.unit}
          onChange={(unit) => onChange({ ...value, unit: unit === "hours" ? "hours" : "minutes" })}
        />
      }
    />
  );
}
