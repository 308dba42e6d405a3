/**
 * The engine switch's edit of serverless.yml: sets (or removes) `custom.playground.engine` by changing only the lines
 * it concerns, so the person's formatting and comments stay as written (a re-serialised document would not keep them).
 */
import { isMap, isScalar, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { ENGINE_SETTINGS, type EngineSetting } from './engine-choice';

const keyOf = (p: Pair) => (isScalar(p.key) ? String(p.key.value) : null);
const pairIn = (map: YAMLMap | null, key: string) => map?.items.find((p) => keyOf(p as Pair) === key) as Pair<Node, Node> | undefined;

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** The end of the line holding `offset` (after its newline, or the text's end). */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** What serverless.yml's `custom.playground.engine` says (null: nothing, or not one of the settings). */
export function readEngineSetting(text: string): EngineSetting | null {
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) return null;
  const custom = pairIn(doc.contents, 'custom');
  const playground = pairIn(custom && isMap(custom.value) ? custom.value : null, 'playground');
  const engine = pairIn(playground && isMap(playground.value) ? playground.value : null, 'engine');
  const value = engine && isScalar(engine.value) ? String(engine.value.value) : null;
  return (ENGINE_SETTINGS as readonly string[]).includes(value ?? '') ? (value as EngineSetting) : null;
}

/** `text` with `custom.playground.engine` set to `value` (null removes it); unchanged when the YAML does not parse. */
export function setEngineSetting(text: string, value: EngineSetting | null): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return text;
  const root = doc.contents;
  const custom = pairIn(root, 'custom');
  const customMap = custom && isMap(custom.value) ? custom.value : null;
  const playground = pairIn(customMap, 'playground');
  const playgroundMap = playground && isMap(playground.value) ? playground.value : null;
  const engine = pairIn(playgroundMap, 'engine');

  if (engine?.value?.range && engine.key.range) {
    if (value !== null) return text.slice(0, engine.value.range[0]) + value + text.slice(engine.value.range[1]);
    // Remove the engine line; then an emptied playground (and custom) go too.
    const only = playgroundMap!.items.length === 1;
    const target = only ? (customMap!.items.length === 1 ? custom! : playground!) : engine;
    const from = lineStart(text, (target.key as Node).range![0]);
    const to = lineEnd(text, target === engine ? engine.value.range[1] : (target.value as Node).range![1] - 1);
    return text.slice(0, from) + text.slice(to);
  }
  if (value === null) return text;
  if (playgroundMap && playgroundMap.items.length > 0 && !playgroundMap.flow) {
    const first = playgroundMap.items[0].key as Node;
    const indent = indentAt(text, first.range![0]);
    const at = lineStart(text, first.range![0]);
    return `${text.slice(0, at)}${indent}engine: ${value}\n${text.slice(at)}`;
  }
  if (customMap && customMap.items.length > 0 && !customMap.flow && !playground) {
    const first = customMap.items[0].key as Node;
    const indent = indentAt(text, first.range![0]);
    const at = lineStart(text, first.range![0]);
    return `${text.slice(0, at)}${indent}playground:\n${indent}  engine: ${value}\n${text.slice(at)}`;
  }
  if (!custom) {
    // A new top-level section, before `functions:` when there is one (where people look), else at the end.
    const functions = pairIn(root, 'functions');
    const block = `custom:\n  playground:\n    engine: ${value}\n`;
    if (functions?.key && (functions.key as Node).range) {
      const at = lineStart(text, (functions.key as Node).range![0]);
      return text.slice(0, at) + block + text.slice(at);
    }
    return `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}${block}`;
  }
  return text; // an unusual shape (flow mappings, a scalar custom): left for the person to edit
}
