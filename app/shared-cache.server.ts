import { sharedRedis } from "./redis.server";

/**
 * A value per key for a while, the same for every process: in Redis when scaled out, in this
 * process's memory (bounded, oldest first out) in the embedded default. Values travel as JSON.
 */
export type SharedCache<T> = {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
};

export function createSharedCache<T>(options: { name: string; ttlMs: number; maxEntries: number }): SharedCache<T> {
  const redis = sharedRedis();
  if (redis) {
    const keyOf = (key: string) => `cache:${options.name}:${key}`;
    return {
      async get(key) {
        const json = await redis.get(keyOf(key));
        return json === null ? undefined : (JSON.parse(json) as T);
      },
      set: async (key, value) => void (await redis.set(keyOf(key), JSON.stringify(value), "PX", options.ttlMs)),
      delete: async (key) => void (await redis.del(keyOf(key))),
    };
  }
  const entries = new Map<string, { json: string; until: number }>();
  return {
    async get(key) {
      const entry = entries.get(key);
      if (entry && entry.until > Date.now()) return JSON.parse(entry.json) as T;
      entries.delete(key);
      return undefined;
    },
    async set(key, value) {
      entries.delete(key);
      // Maps iterate in insertion order: the first key is the oldest.
      if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { json: JSON.stringify(value), until: Date.now() + options.ttlMs });
    },
    delete: async (key) => void entries.delete(key),
  };
}
