/**
 * Building blocks shared by the versioned policy documents (returns, shipping, support settings):
 * frozen defaults and the zod pieces whose messages say in words what is wrong. Framework-free.
 */
import { z } from "zod";

/** Defaults are shared by every shop: frozen all the way down, so only a copy can be edited. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

export const isCents = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;

/** YYYY-MM-DD naming a day that exists (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** An amount in the shop's currency: 0 to 1,000,000, in whole cents. */
export const money = (what: string) =>
  z
    .number({ required_error: `${what} is required`, invalid_type_error: `${what} must be a number` })
    .finite(`${what} must be a number`)
    .min(0, `${what} cannot be negative`)
    .max(1_000_000, `${what} must be at most 1,000,000`)
    .refine(isCents, `${what} must be in whole cents (at most 2 decimals)`);

/** A zod object that rejects unknown fields and says in words what is missing or malformed. */
export function strictObject<T extends z.ZodRawShape>(shape: T, what: string, expected: string) {
  return z
    .object(shape, {
      errorMap: (issue, ctx) => {
        if (issue.code === z.ZodIssueCode.unrecognized_keys) {
          return {
            message: `${what}: unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`,
          };
        }
        if (issue.code === z.ZodIssueCode.invalid_type) {
          return { message: issue.received === "undefined" ? `${what} must be filled in` : `${what} must be ${expected}` };
        }
        return { message: ctx.defaultError };
      },
    })
    .strict();
}
