// localStorage, or memory for this page when the browser refuses storage (private modes, blocked
// cookies): the blocks work either way.
const memory: Record<string, string> = {};

export function load(key: string): string | undefined {
  try {
    return localStorage.getItem(key) ?? memory[key];
  } catch {
    return memory[key];
  }
}

export function save(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    memory[key] = value;
  }
}
