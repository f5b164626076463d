/** Whether the form being submitted is this one: its intent (and, when given, one more field) match. */
import type { useNavigation } from "@remix-run/react";

export function busyWith(navigation: ReturnType<typeof useNavigation>, intent: string, extra?: [string, string]) {
  if (navigation.state === "idle" || navigation.formData?.get("intent") !== intent) return false;
  return extra ? navigation.formData?.get(extra[0]) === extra[1] : true;
}
