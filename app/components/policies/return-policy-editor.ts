/** What the return policy cards share: the editor's values, reasons keyed for React. */
import type { Keyed, PolicyCardProps } from "./policy-editor";
import type { ReturnPolicyFormValues } from "../../features/policies/returns-form";

/** Rows on the page: the form's reasons, with a React key and whether the handle is still the merchant's to choose. */
export type ReasonRow = Keyed<ReturnPolicyFormValues["reasons"][number]> & { isNew: boolean };

export type EditorValues = Omit<ReturnPolicyFormValues, "reasons"> & { reasons: ReasonRow[] };

export type CardProps = PolicyCardProps<EditorValues>;
