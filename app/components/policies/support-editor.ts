/** What the support settings cards share: the editor's values (holidays keyed for React) and the priority labels. */
import type { Keyed, PolicyCardProps } from "./policy-editor";
import { PRIORITIES } from "../../features/tickets/domain/types";
import type { SupportFormValues } from "../../features/policies/support-form";

export type HolidayRow = Keyed<SupportFormValues["holidays"][number]>;

export type EditorValues = Omit<SupportFormValues, "holidays"> & { holidays: HolidayRow[] };

export type CardProps = PolicyCardProps<EditorValues>;

export const PRIORITY_LABELS = { P1: "P1 — urgent", P2: "P2 — high", P3: "P3 — normal", P4: "P4 — low" };

export const PRIORITY_OPTIONS = PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }));
