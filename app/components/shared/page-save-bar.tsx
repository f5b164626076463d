import { SaveBar } from "@shopify/app-bridge-react";
import { useEffect, useState } from "react";

/**
 * Whether App Bridge's save bar element exists. Inside Shopify's admin it does; where it does not
 * (a stand-in admin, a plain browser tab), pages show their own Save and Discard buttons instead.
 */
export function useHasSaveBar(): boolean {
  const [hasSaveBar, setHasSaveBar] = useState(false);
  useEffect(() => setHasSaveBar(typeof customElements !== "undefined" && Boolean(customElements.get("ui-save-bar"))), []);
  return hasSaveBar;
}

/** App Bridge's contextual save bar for a form page. */
export function PageSaveBar(props: { id: string; open: boolean; saving: boolean; onSave: () => void; onDiscard: () => void }) {
  return (
    <SaveBar id={props.id} open={props.open}>
      <button variant="primary" onClick={props.onSave} disabled={props.saving} loading={props.saving ? "" : undefined}>
        Save
      </button>
      <button onClick={props.onDiscard} disabled={props.saving}>
        Discard
      </button>
    </SaveBar>
  );
}

/**
 * A form page's draft against the values it opened with: whether it changed, whether a save is
 * under way, the last failed save (until discarded), and discard, which restores the opening values.
 */
export function useSaveDraft<V, D extends { ok: boolean }>(initial: () => V, save: { state: string; data?: D }) {
  const [baseline] = useState(initial);
  const [values, setValues] = useState(baseline);
  const [dismissed, setDismissed] = useState<unknown>(null);
  const failed = save.state === "idle" && save.data && !save.data.ok && dismissed !== save.data ? (save.data as Extract<D, { ok: false }>) : null;
  return {
    values,
    setValues,
    dirty: JSON.stringify(values) !== JSON.stringify(baseline),
    saving: save.state !== "idle",
    failed,
    discard: () => {
      setValues(baseline);
      setDismissed(save.data ?? null);
    },
  };
}
