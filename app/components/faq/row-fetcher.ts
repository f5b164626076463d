import { useFetcher } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { useEffect } from "react";
import type { FaqListOutcome } from "../../features/faq/admin-list.server";

type Fetcher = ReturnType<typeof useFetcher<FaqListOutcome>>;

/** A fetcher for one row's actions that toasts its success. */
export function useRowFetcher(): Fetcher {
  const fetcher = useFetcher<FaqListOutcome>();
  const shopify = useAppBridge();
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) shopify.toast.show(fetcher.data.message);
  }, [fetcher.state, fetcher.data, shopify]);
  return fetcher;
}

export const failure = (fetcher: Fetcher) => (fetcher.state === "idle" && fetcher.data && !fetcher.data.ok ? fetcher.data : null);
