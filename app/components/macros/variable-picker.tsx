import { ActionList, Box, Button, Popover } from "@shopify/polaris";
import { useState } from "react";

/** A template editor's menu of the catalogue's placeholders, by group; picking one hands its path over. */
export function VariablePicker({
  label,
  groups,
  variables,
  onPick,
}: {
  label: string;
  groups: readonly { group: string; label: string }[];
  variables: readonly { path: string; group: string; description: string }[];
  onPick(path: string): void;
}) {
  const [open, setOpen] = useState(false);
  const sections = groups.map(({ group, label: title }) => ({
    title,
    items: variables
      .filter((v) => v.group === group)
      .map((v) => ({
        content: v.path,
        helpText: v.description,
        onAction: () => {
          onPick(v.path);
          setOpen(false);
        },
      })),
  }));
  return (
    <Popover
      active={open}
      onClose={() => setOpen(false)}
      activator={
        <Button disclosure onClick={() => setOpen((o) => !o)}>
          {label}
        </Button>
      }
    >
      <Box maxWidth="360px">
        <div style={{ maxHeight: 360, overflowY: "auto" }}>
          <ActionList actionRole="menuitem" sections={sections} />
        </div>
      </Box>
    </Popover>
  );
}

/**
 * `{{ path }}` into the text of the field with this id: at the cursor when the field has focus or
 * a selection, else at the end; the cursor then follows the placeholder.
 */
export function insertPlaceholder(fieldId: string, text: string, path: string, apply: (next: string) => void): void {
  const token = `{{ ${path} }}`;
  const field = document.getElementById(fieldId) as HTMLTextAreaElement | null;
  const start = field?.selectionStart ?? text.length;
  const end = field?.selectionEnd ?? text.length;
  apply(text.slice(0, start) + token + text.slice(end));
  requestAnimationFrame(() => {
    field?.focus();
    field?.setSelectionRange(start + token.length, start + token.length);
  });
}
