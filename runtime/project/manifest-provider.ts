/** serverless.yml's `provider:` block with the Serverless Framework's defaults (us-east-1, dev, 6 s, 1024 MB). */
import { isScalar, type Document, type Node } from 'yaml';
import type { Project, Runtime } from './types';
import { readCors, type CorsSpec } from './manifest-cors';
import { checkKeys, PROVIDER, PROVIDER_HTTP_API } from './manifest-keys';
import { describe, readInteger, readString } from './manifest-values';
import { asMap, entries, type DiagnosticSink, type Entry } from './yaml-positions';

export const RUNTIMES: readonly Runtime[] = [
  'nodejs18.x', 'nodejs20.x', 'nodejs22.x', 'python3.11', 'python3.12', 'python3.13',
];

export const DEFAULTS = { runtime: 'nodejs20.x', region: 'us-east-1', stage: 'dev', timeout: 6, memorySize: 1024 } as const;

/** Lambda's limits: timeout 1..900 s, memory 128..10240 MB. */
export function readTimeout(sink: DiagnosticSink, e: Entry, label: string): number | undefined {
  return readInteger(sink, e, label, 1, 900, 'a whole number of seconds from 1 to 900');
}

export function readMemorySize(sink: DiagnosticSink, e: Entry, label: string): number | undefined {
  return readInteger(sink, e, label, 128, 10240, 'a whole number of MB from 128 to 10240');
}

export function readRuntime(sink: DiagnosticSink, e: Entry, label: string): Runtime | undefined {
  const v = isScalar(e.value) ? e.value.value : undefined;
  if (typeof v === 'string' && (RUNTIMES as readonly string[]).includes(v)) return v as Runtime;
  sink.error(e.at, `${label} must be one of ${RUNTIMES.join(', ')}, not ${describe(e.value)}`);
  return undefined;
}

export interface ProviderSettings {
  provider: Omit<Project['provider'], 'httpApi'>;
  cors: CorsSpec | null;
  /** Where provider.runtime is written (for runtime errors that concern functions using it). */
  runtimeAt: Node | null;
  /** provider.environment, read once the stack's resources are known (its values may `!Ref` them). */
  environment: Entry | null;
}

/**
 * Reads `provider:` (missing: an error at the top of the file). Errors go to the sink; the settings
 * returned then fall back to defaults where a value was wrong, so functions can still be checked.
 */
export function readProvider(sink: DiagnosticSink, e: Entry | undefined, doc: Document): ProviderSettings {
  const provider: ProviderSettings['provider'] = { name: 'aws', ...DEFAULTS, environment: {} };
  const settings: ProviderSettings = { provider, cors: null, runtimeAt: null, environment: null };
  const map = asMap(e?.value ?? null);
  if (!e) sink.error([0, 0], "serverless.yml needs a 'provider' with 'name: aws'");
  else if (!map) sink.error(e.at, `provider must be a mapping with at least 'name: aws', not ${describe(e.value)}`);
  if (!e || !map) return settings;
  const kept = checkKeys(sink, entries(map, doc), PROVIDER, 'provider');
  if (!kept.some((k) => k.key === 'name')) sink.error(e.keyNode, "provider needs 'name: aws'");
  for (const k of kept) {
    const label = `provider.${k.key}`;
    switch (k.key) {
      case 'name':
        if (!isScalar(k.value) || k.value.value !== 'aws') {
          sink.error(k.at, `provider.name must be 'aws', not ${describe(k.value)}: the playground simulates AWS only`);
        }
        break;
      case 'runtime':
        provider.runtime = readRuntime(sink, k, label) ?? provider.runtime;
        settings.runtimeAt = k.value;
        break;
      case 'region':
      case 'stage':
        provider[k.key] = readString(sink, k, label) ?? provider[k.key];
        break;
      case 'timeout':
        provider.timeout = readTimeout(sink, k, label) ?? provider.timeout;
        break;
      case 'memorySize':
        provider.memorySize = readMemorySize(sink, k, label) ?? provider.memorySize;
        break;
      case 'environment':
        settings.environment = k;
        break;
      case 'httpApi':
        settings.cors = readHttpApi(sink, k, doc) ?? null;
        break;
    }
  }
  return settings;
}

function readHttpApi(sink: DiagnosticSink, e: Entry, doc: Document): CorsSpec | null | undefined {
  if (e.value === null) return null;
  const map = asMap(e.value);
  if (!map) {
    sink.error(e.at, `provider.httpApi must be a mapping, not ${describe(e.value)}`);
    return undefined;
  }
  const cors = checkKeys(sink, entries(map, doc), PROVIDER_HTTP_API, 'provider.httpApi').find((k) => k.key === 'cors');
  return cors ? readCors(sink, cors, doc) : null;
}
