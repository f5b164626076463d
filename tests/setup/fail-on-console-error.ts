import { afterEach, beforeEach, vi } from "vitest";

// An unexpected console.error (a swallowed exception, a React warning) fails the test that caused it.
// A test that expects one replaces the spy with its own `vi.spyOn(console, "error")` assertions.
let errors: unknown[][] = [];

beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});

afterEach(() => {
  const logged = errors;
  vi.restoreAllMocks();
  if (logged.length) {
    throw new Error(`Unexpected console.error:\n${logged.map((a) => a.map(String).join(" ")).join("\n")}`);
  }
});
