/** A rule target's InputPath: the JSONPath subset EventBridge takes ('$', '$.detail', "$.detail['order-id']", '$.resources[0]'). */

export type InputPathResult = { found: true; value: unknown } | { found: false };

/** The part of `event` the path selects, or found: false when the path names nothing there (or is not one EventBridge takes). */
export function selectInputPath(path: string, event: unknown): InputPathResult {
  const steps = parsePath(path.trim());
  if (!steps) return { found: false };
  let node = event;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(node) || step >= node.length) return { found: false };
      node = node[step];
    } else {
      if (!node || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, step)) return { found: false };
      node = (node as Record<string, unknown>)[step];
    }
  }
  return { found: true, value: node };
}

/** '$.a.b[0]["c-d"]' → ['a', 'b', 0, 'c-d']; null when the path is not of that simple form. */
export function parsePath(path: string): Array<string | number> | null {
  if (!path.startsWith('$')) return null;
  const steps: Array<string | number> = [];
  const re = /\.([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/y;
  re.lastIndex = 1;
  while (re.lastIndex < path.length) {
    const m = re.exec(path);
    if (!m) return null;
    steps.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? m[3] ?? m[4]));
  }
  return steps;
}
