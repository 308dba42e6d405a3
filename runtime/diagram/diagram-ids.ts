/**
 * The architecture diagram's Mermaid ids: generated from names, never copied, so user text cannot reach the Mermaid
 * text outside an escaped label. Ids are stable (the same name always gives the same id, whatever else the project
 * holds), so the live overlay keeps finding the same SVG elements after a redeploy.
 */

export type NodeIdPrefix = 'fn' | 'sched' | 'bucket' | 'queue' | 'topic' | 'bus' | 'table';

/** Longest sanitised name kept in an id (the hash keeps longer names apart). */
const MAX_NAME = 40;

/** FNV-1a (32-bit) of the name's UTF-16 code units, in base 36: short, stable, and no dependency on crypto. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * `fn_hello`, `bucket_my_uploads_1x2y3z`: the prefix, the name with anything but [A-Za-z0-9_] replaced by `_` (cut at
 * 40 characters), and a hash of the exact name only when sanitising changed it, so `my-fn` and `my_fn` stay apart.
 * The prefix also keeps every id clear of Mermaid's keywords (`end`, `class`, `style`, …) and edge markers.
 */
export function nodeId(prefix: NodeIdPrefix, name: string): string {
  const clean = name.replace(/[^A-Za-z0-9_]/g, '_').slice(0, MAX_NAME);
  return clean === name ? `${prefix}_${clean}` : `${prefix}_${clean}_${shortHash(name)}`;
}

/** A schedule's id: `sched_<function>_<n>` for 'schedule:<function>:<n>', or `…_eb<n>` for an eventBridge schedule. */
export function scheduleNodeId(functionName: string, suffix: string): string {
  return `${nodeId('sched', functionName)}_${suffix}`;
}

/**
 * Hands out ids, keeping them unique: a taken id gets `_2`, `_3`, … Parallel edges need it, and it is the last guard
 * against a name crafted to equal another name's hashed id (`a_b_<hash>` beside `a-b`).
 */
export class IdRegistry {
  private readonly taken = new Set<string>();

  claim(id: string): string {
    let unique = id;
    for (let n = 2; this.taken.has(unique); n++) unique = `${id}_${n}`;
    this.taken.add(unique);
    return unique;
  }
}
