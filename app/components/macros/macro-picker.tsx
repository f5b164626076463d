import { Select } from "@shopify/polaris";
import { useCallback, useState } from "react";
import type { MacroChoice as MacroOption } from "../../features/macros/replies.server";

/**
 * "Insert a macro": picking one replaces the message with the macro rendered for this
 * conversation; staff edit it before sending. Macros that cannot render here are listed, disabled,
 * with the reason in their label.
 */
export function MacroPicker({
  macros,
  value,
  onPick,
  label = "Insert a macro",
}: {
  macros: MacroOption[];
  value: string;
  onPick: (macro: { id: string; text: string } | null) => void;
  label?: string;
}) {
  if (macros.length === 0) return null;
  const families = [...new Set(macros.map((m) => m.family))];
  const options = [
    { label: "Write my own message", value: "" },
    ...families.map((family) => ({
      title: family.charAt(0).toUpperCase() + family.slice(1),
      options: macros
        .filter((m) => m.family === family)
        .map((m) => ({ label: m.ok ? m.title : `${m.title} (not available here: ${m.error})`, value: m.id, disabled: !m.ok })),
    })),
  ];
  return (
    <Select
      label={label}
      options={options}
      value={value}
      onChange={(id) => {
        const macro = macros.find((m) => m.id === id);
        onPick(macro && macro.ok ? { id: macro.id, text: macro.text } : null);
      }}
    />
  );
}

/** The message field's text and the macro it came from, if any (counted as used once sent). */
export function useMacroMessage(initial: string) {
  const [message, setMessage] = useState(initial);
  const [macroId, setMacroId] = useState("");
  // Stable, so that effects which clear the form can depend on it.
  const pick = useCallback((macro: { id: string; text: string } | null) => {
    setMacroId(macro?.id ?? "");
    if (macro) setMessage(macro.text);
  }, []);
  return { message, setMessage, macroId, pick };
}
