/** Finds the first JSON object inside a panel's text (compact or pretty-printed) that has the given key. */
export function findJson<T = Record<string, unknown>>(text: string, key: string): T {
  const opens = [...text.matchAll(/\{/g)].map((m) => m.index);
  const closes = [...text.matchAll(/\}/g)].map((m) => m.index).reverse();
  for (const i of opens) {
    for (const j of closes) {
      if (j < i) break;
      try {
        const value = JSON.parse(text.slice(i, j + 1)) as unknown;
        if (value && typeof value === 'object' && key in value) return value as T;
      } catch {
        // not this slice
      }
    }
  }
  throw new Error(`no JSON object with key "${key}" in:\n${text}`);
}
