/** A localStorage holding `items`, for the storefront scripts run in Node. */
export const storage = (items: Record<string, string> = {}) => ({
  getItem: (k: string) => items[k] ?? null,
  setItem: (k: string, v: string) => void (items[k] = v),
  items,
});
