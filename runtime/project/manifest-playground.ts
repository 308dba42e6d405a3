/** `custom.playground` in serverless.yml: the playground's own settings (the framework ignores `custom` it does not know). */
import { isScalar, type Document } from 'yaml';
import { ENGINE_SETTINGS, type EngineSetting } from './engine-choice';
import { describe } from './manifest-values';
import { asMap, entries, type DiagnosticSink, type Entry } from './yaml-positions';
import type { PlaygroundSettings } from './types';

export function readPlayground(sink: DiagnosticSink, custom: Entry | undefined, doc: Document): PlaygroundSettings {
  const none: PlaygroundSettings = { engine: null, engineLine: 1 };
  const customMap = custom ? asMap(custom.value) : null;
  const playground = customMap ? entries(customMap, doc).find((e) => e.key === 'playground') : undefined;
  if (!playground) return none;
  const map = asMap(playground.value);
  if (!map) {
    sink.error(playground.at, `custom.playground must be a mapping, like 'engine: auto' (it is ${describe(playground.value)})`);
    return none;
  }
  const out = { ...none };
  for (const e of entries(map, doc)) {
    if (e.key !== 'engine') {
      sink.warn(e.keyNode, `custom.playground.${e.key} is not a playground setting (known: engine); it is ignored`);
      continue;
    }
    const value = isScalar(e.value) ? String(e.value.value) : null;
    if (value === null || !ENGINE_SETTINGS.includes(value as EngineSetting)) {
      sink.error(e.at, `custom.playground.engine must be one of ${ENGINE_SETTINGS.join(', ')} (it is ${value ?? describe(e.value)})`);
      continue;
    }
    out.engine = value as EngineSetting;
    out.engineLine = sink.lineOf(e.at);
  }
  return out;
}
