import { useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";

/**
 * A list page's search box, kept in the URL's `q` a moment after the last key rather than on
 * every one. `current` is the search the loader answered.
 */
export function useSearchQuery(current: string): [string, (query: string) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const [query, setQuery] = useState(current);
  useEffect(() => {
    if (query.trim() === current) return;
    const timer = setTimeout(() => {
      const next = new URLSearchParams(searchParams);
      if (query.trim()) next.set("q", query.trim());
      else next.delete("q");
      setSearchParams(next, { replace: true });
    }, 300);
    return () => clearTimeout(timer);
  }, [query, current, searchParams, setSearchParams]);
  return [query, setQuery];
}
