/** serverless.yml parsed as the Serverless Framework reads the playground's subset (CONTRACTS.md §1), with positioned diagnostics. */
import { LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Files, FunctionDef, HttpApiEventDef, ManifestResult, Project } from './types';
import { cloudFormationTags } from './cfn-tags';
import { resolveCors } from './manifest-cors';
import { readEnvironment } from './manifest-environment';
import { readFunction, type FunctionContext } from './manifest-function';
import { declareFunctions } from './manifest-function-ids';
import { checkKeys, TOP_LEVEL } from './manifest-keys';
import { readProvider } from './manifest-provider';
import { readPlayground } from './manifest-playground';
import { ResourceSet } from './manifest-resource-set';
import { readResources } from './manifest-resources';
import { resolveVariables } from './manifest-variables';
import { ACCOUNT_ID } from './resource-arns';
import { describe, readString } from './manifest-values';
import { asMap, DiagnosticSink, entries, type Entry } from './yaml-positions';

export { resolveHandlerFile } from './handler-file';

export function parseManifest(text: string, files?: Files, file = 'serverless.yml'): ManifestResult {
  const lines = new LineCounter();
  const sink = new DiagnosticSink(lines, file, text);
  const doc = parseDocument(text, { lineCounter: lines, customTags: cloudFormationTags, prettyErrors: false });
  // Later syntax errors mostly cascade from the first one, so only the first is shown.
  const [err] = doc.errors;
  if (err) sink.error(err.pos, syntaxMessage(err.message, text, err.pos[0]));
  for (const warning of doc.warnings) sink.warn(warning.pos, `YAML: ${warning.message}`);
  if (doc.errors.length > 0) return { project: null, diagnostics: sink.diagnostics };

  resolveVariables(doc, sink);
  const project = readProject(sink, doc, files);
  const diagnostics = [...sink.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
  return { project: sink.errorCount === 0 ? project : null, diagnostics };
}

/** yaml's message, plus a hint for the classic slip: an unquoted `/path/{param}` inside a `{ … }` flow mapping. */
function syntaxMessage(message: string, text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  const line = text.slice(start, end < 0 ? undefined : end);
  const hint = /\{[^}]*\/\{/.test(line) ? ". Inside { … }, quote a path that has {parameters}, like path: '/hello/{name}'" : '';
  return `YAML syntax error: ${message}${hint}`;
}

function readProject(sink: DiagnosticSink, doc: Document, files: Files | undefined): Project | null {
  const root = asMap(doc.contents as Node | null);
  if (!root) {
    const what = doc.contents ? describe(doc.contents as Node) : 'empty';
    sink.error(doc.contents as Node | null, `serverless.yml must be a mapping with 'service', 'provider' and 'functions' (it is ${what})`);
    return null;
  }
  const kept = checkKeys(sink, entries(root, doc), TOP_LEVEL, '');
  const find = (key: string): Entry | undefined => kept.find((k) => k.key === key);

  const serviceEntry = find('service');
  const service = serviceEntry ? readString(sink, serviceEntry, 'service') : undefined;
  if (!serviceEntry) sink.error(root.items[0]?.key as Node, "serverless.yml needs a 'service' name, like 'service: my-service'");
  else if (service === '') sink.error(serviceEntry.at, 'service must not be empty');

  const providerEntry = find('provider');
  const settings = readProvider(sink, providerEntry, doc);
  const { region, stage } = settings.provider;
  // The framework names the stack `<service>-<stage>`; resources are read first, as environment values and events refer to them.
  const resources = new ResourceSet(region, ACCOUNT_ID, `${service ?? ''}-${stage}`);
  declareFunctions(resources, find('functions')?.value ?? null, doc, service ?? '', stage);
  readResources(sink, find('resources'), { doc, service: service ?? '', stage, set: resources });
  if (settings.environment) {
    settings.provider.environment = readEnvironment(sink, settings.environment, 'provider.environment', doc, resources.scope()) ?? {};
  }
  // Functions are read even after an error above, so every error shows at once.
  const ctx = { doc, service: service ?? '', settings, resources, pythonReported: new Set<Node>() };
  const functions = readFunctions(sink, find('functions'), ctx, files);
  const playground = readPlayground(sink, find('custom'), doc);
  if (service === undefined || !functions || sink.errorCount > 0) return null;
  return {
    service,
    provider: { ...settings.provider, httpApi: { cors: resolveCors(settings.cors, routesOf(functions)) } },
    functions,
    resources: resources.toProject(),
    playground,
  };
}

function readFunctions(
  sink: DiagnosticSink,
  e: Entry | undefined,
  ctx: Omit<FunctionContext, 'files'>,
  files: Files | undefined,
): Record<string, FunctionDef> | undefined {
  const map = e ? asMap(e.value) : null;
  if (e && e.value !== null && !map) {
    sink.error(e.at, `functions must be a mapping of function names to settings, not ${describe(e.value)}`);
    return undefined;
  }
  if (!map || map.items.length === 0) {
    sink.warn(e?.keyNode ?? [0, 0], "No functions: add one under 'functions:' to have something to run");
    return {};
  }
  const functions: Record<string, FunctionDef> = {};
  const routes = new Map<string, { fn: string; line: number }>();
  let ok = true;
  for (const entry of entries(map, ctx.doc)) {
    const read = readFunction(sink, entry, { ...ctx, files });
    if (!read) {
      ok = false;
      continue;
    }
    functions[entry.key] = read.fn;
    for (const { event, at } of read.events) {
      if (event.kind !== 'httpApi') continue;
      // API Gateway refuses two routes with the same route key, across all functions.
      const first = routes.get(event.routeKey);
      if (first) {
        sink.error(at, `Duplicate route '${event.routeKey}': function '${first.fn}' already uses it (line ${first.line})`);
        ok = false;
      } else routes.set(event.routeKey, { fn: entry.key, line: event.line });
    }
  }
  return ok ? functions : undefined;
}

function routesOf(functions: Record<string, FunctionDef>): HttpApiEventDef[] {
  return Object.values(functions).flatMap((fn) => fn.events.filter((ev): ev is HttpApiEventDef => ev.kind === 'httpApi'));
}

