/** One `functions.<name>` entry: a Lambda function with the provider's settings as defaults. */
import { type Document, type Node } from 'yaml';
import type { Files, FunctionDef, Runtime } from './types';
import { isPythonRuntime, missingHandlerMessage, resolveHandlerFile, splitHandler } from './handler-file';
import { readEnvironment } from './manifest-environment';
import { readEvents, type ReadEvent } from './manifest-events';
import { checkKeys, FUNCTION } from './manifest-keys';
import { readMemorySize, readRuntime, readTimeout, type ProviderSettings } from './manifest-provider';
import type { ResourceSet } from './manifest-resource-set';
import { describe, readInteger, readString } from './manifest-values';
import { asMap, entries, type DiagnosticSink, type Entry } from './yaml-positions';

export interface FunctionContext {
  doc: Document;
  service: string;
  settings: ProviderSettings;
  /** The stack's resources: environment values and events resolve against them, and events add the ones they imply. */
  resources: ResourceSet;
  files?: Files;
  /** Runtime nodes already reported as Python, so provider.runtime is reported once. */
  pythonReported: Set<Node>;
}

const FUNCTION_KEY = /^[A-Za-z0-9_-]+$/;
const ANY_COUNT = Number.MAX_SAFE_INTEGER;

/** Reads one function; returns undefined when it has errors (they are in the sink). */
export function readFunction(
  sink: DiagnosticSink,
  e: Entry,
  ctx: FunctionContext,
): { fn: FunctionDef; events: ReadEvent[] } | undefined {
  const path = `functions.${e.key}`;
  const errorsBefore = sink.errorCount;
  if (!FUNCTION_KEY.test(e.key)) sink.error(e.keyNode, `Function name '${e.key}' may only use letters, digits, '-' and '_'`);
  const map = asMap(e.value);
  if (!map) {
    sink.error(e.at, `${path} must be a mapping with at least 'handler', not ${describe(e.value)}`);
    return undefined;
  }
  const { provider } = ctx.settings;
  const fn: FunctionDef = {
    name: e.key,
    handler: '',
    handlerModule: '',
    handlerExport: '',
    runtime: provider.runtime,
    timeout: provider.timeout,
    memorySize: provider.memorySize,
    environment: { ...provider.environment },
    events: [],
    functionName: `${ctx.service}-${provider.stage}-${e.key}`,
    line: sink.lineOf(e.keyNode),
  };
  let events: ReadEvent[] = [];
  let handlerAt: Node | null = null;
  let runtimeAt = ctx.settings.runtimeAt;
  let provisionedAt: Node | null = null;
  const kept = checkKeys(sink, entries(map, ctx.doc), FUNCTION, path);
  for (const k of kept) {
    const label = `${path}.${k.key}`;
    switch (k.key) {
      case 'handler':
        fn.handler = readString(sink, k, label) ?? '';
        handlerAt = k.at;
        break;
      case 'runtime':
        fn.runtime = readRuntime(sink, k, label) ?? fn.runtime;
        runtimeAt = k.value;
        break;
      case 'timeout':
        fn.timeout = readTimeout(sink, k, label) ?? fn.timeout;
        break;
      case 'memorySize':
        fn.memorySize = readMemorySize(sink, k, label) ?? fn.memorySize;
        break;
      case 'environment':
        // The framework merges provider.environment with the function's own; the function wins.
        Object.assign(fn.environment, readEnvironment(sink, k, label, ctx.doc, ctx.resources.scope()));
        break;
      case 'events':
        events = readEvents(sink, k, label, { doc: ctx.doc, resources: ctx.resources }) ?? [];
        break;
      case 'reservedConcurrency':
        fn.reservedConcurrency = readInteger(sink, k, label, 0, ANY_COUNT, 'a whole number, 0 or more');
        break;
      case 'provisionedConcurrency':
        fn.provisionedConcurrency = readInteger(sink, k, label, 0, ANY_COUNT, 'a whole number, 0 or more');
        provisionedAt = k.at;
        break;
      case 'description':
        fn.description = readString(sink, k, label);
        break;
      case 'name':
        fn.functionName = readString(sink, k, label) ?? fn.functionName;
        break;
    }
  }
  if (!handlerAt) sink.error(e.keyNode, `${path} needs a 'handler', like 'handler.hello' (file handler.js, export hello)`);
  else if (fn.handler) checkHandler(sink, fn, handlerAt, ctx.files);
  checkRuntime(sink, fn.runtime, runtimeAt ?? e.keyNode, ctx.pythonReported);
  checkConcurrency(sink, fn, provisionedAt);
  fn.events = events.map((r) => r.event);
  return sink.errorCount === errorsBefore ? { fn, events } : undefined;
}

function checkHandler(sink: DiagnosticSink, fn: FunctionDef, at: Node, files: Files | undefined): void {
  const parts = splitHandler(fn.handler);
  if (!parts) {
    sink.error(at, `handler must be 'file.export', like 'handler.hello' (file handler.js, export hello), not '${fn.handler}'`);
    return;
  }
  fn.handlerModule = parts.module;
  fn.handlerExport = parts.exportName;
  if (files && !resolveHandlerFile(fn, files)) sink.error(at, missingHandlerMessage(parts.module, fn.runtime));
}

function checkRuntime(sink: DiagnosticSink, runtime: Runtime, at: Node, reported: Set<Node>): void {
  if (!isPythonRuntime(runtime) || reported.has(at)) return;
  reported.add(at);
  sink.error(at, 'Python functions need the Python engine, which the playground does not have yet');
}

/** Lambda rejects provisioned concurrency above the function's reserved concurrency. */
function checkConcurrency(sink: DiagnosticSink, fn: FunctionDef, at: Node | null): void {
  const { reservedConcurrency: reserved, provisionedConcurrency: provisioned } = fn;
  if (at && reserved !== undefined && provisioned !== undefined && provisioned > reserved) {
    sink.error(at, `provisionedConcurrency (${provisioned}) cannot exceed reservedConcurrency (${reserved})`);
  }
}
