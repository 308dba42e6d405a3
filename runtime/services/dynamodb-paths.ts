/** Reading and writing document paths (`a.b[0]`) inside a DynamoDB item. */
import { AwsError } from './aws-error';
import type { Path } from './dynamodb-expression-ast';
import type { AttributeValue, Item } from './dynamodb-values';

/** The value at a path, or undefined when any step is missing or of the wrong type. */
export function getPath(item: Item, path: Path): AttributeValue | undefined {
  let cur: AttributeValue | undefined = { M: item };
  for (const step of path) {
    if (!cur) return undefined;
    if (typeof step === 'number') cur = cur.L?.[step];
    else cur = cur.M && Object.hasOwn(cur.M, step) ? cur.M[step] : undefined;
  }
  return cur;
}

export const invalidUpdatePath = () => new AwsError('ValidationException', 'The document path provided in the update expression is invalid for update');

/** The container holding the path's last step; throws when a parent is missing or not a map/list (as UpdateItem does). */
function parentOf(item: Item, path: Path): AttributeValue {
  const parent = path.length === 1 ? { M: item } : getPath(item, path.slice(0, -1));
  const last = path[path.length - 1];
  if (!parent || (typeof last === 'number' ? parent.L === undefined : parent.M === undefined)) throw invalidUpdatePath();
  return parent;
}

/** SET: a list index past the end appends, as DynamoDB does. */
export function setPath(item: Item, path: Path, value: AttributeValue): void {
  const parent = parentOf(item, path);
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const list = parent.L!;
    if (last >= list.length) list.push(value);
    else list[last] = value;
  } else parent.M![last] = value;
}

/** REMOVE: a missing attribute or list element is no error. */
export function removePath(item: Item, path: Path): void {
  const parent = parentOf(item, path);
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    if (last < parent.L!.length) parent.L!.splice(last, 1);
  } else delete parent.M![last];
}

/** The part of an item a ProjectionExpression selects: nested maps keep their shape, selected list elements are packed in order. */
export function project(item: Item, paths: Path[]): Item {
  const tree = new Map<string | number, unknown>();
  for (const path of paths) {
    let node = tree;
    path.forEach((step, i) => {
      if (i === path.length - 1) node.set(step, true);
      else {
        if (!(node.get(step) instanceof Map)) node.set(step, new Map());
        node = node.get(step) as Map<string | number, unknown>;
      }
    });
  }
  return (pick({ M: item }, tree)?.M ?? {}) as Item;
}

function pick(v: AttributeValue, tree: Map<string | number, unknown>): AttributeValue | undefined {
  const steps = [...tree.keys()];
  if (v.M && steps.every((s) => typeof s === 'string')) {
    const out: Item = {};
    for (const s of steps as string[]) {
      if (!Object.hasOwn(v.M, s)) continue;
      const sub = tree.get(s);
      const got = sub === true ? v.M[s] : pick(v.M[s], sub as Map<string | number, unknown>);
      if (got) out[s] = got;
    }
    return Object.keys(out).length ? { M: out } : undefined;
  }
  if (v.L && steps.every((s) => typeof s === 'number')) {
    const out: AttributeValue[] = [];
    for (const s of (steps as number[]).sort((a, b) => a - b)) {
      if (s >= v.L.length) continue;
      const sub = tree.get(s);
      const got = sub === true ? v.L[s] : pick(v.L[s], sub as Map<string | number, unknown>);
      if (got) out.push(got);
    }
    return out.length ? { L: out } : undefined;
  }
  return undefined;
}
