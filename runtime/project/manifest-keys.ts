/** Which serverless.yml keys the playground simulates, which the real framework knows but the playground only keeps, and the warnings for the rest. */
import type { DiagnosticSink, Entry } from './yaml-positions';

export interface KeySpec {
  /** Keys the caller reads itself. */
  supported: readonly string[];
  /** Keys the Serverless Framework knows that the playground does not simulate yet (kept for export). */
  notSimulated: readonly string[];
  /** Framework settings that have no meaning in the playground (kept for export). */
  noEffect?: readonly string[];
}

export const TOP_LEVEL: KeySpec = {
  supported: ['service', 'frameworkVersion', 'provider', 'functions', 'resources', 'custom'],
  notSimulated: ['stepFunctions', 'plugins', 'package', 'layers', 'outputs', 'params', 'stages', 'build'],
  noEffect: [
    'org', 'app', 'console', 'dashboard', 'license', 'useDotenv', 'configValidationMode', 'deprecationNotificationMode',
    'disabledDeprecations', 'variablesResolutionMode', 'unresolvedVariablesNotificationMode',
  ],
};

export const PROVIDER: KeySpec = {
  supported: ['name', 'runtime', 'region', 'stage', 'timeout', 'memorySize', 'environment', 'httpApi'],
  notSimulated: [
    'iam', 'role', 'iamRoleStatements', 'iamManagedPolicies', 'rolePermissionsBoundary', 'logs', 'tracing', 'apiGateway',
    'apiName', 'endpointType', 'architecture', 'layers', 'vpc', 'tags', 'stackTags', 'eventBridge', 'websocketsApiName',
    'websocketsApiRouteSelectionExpression', 'websockets', 'alb', 'cloudFront', 'ecr', 's3', 'kmsKeyArn', 'logRetentionInDays',
    'logDataProtectionPolicy', 'resourcePolicy', 'usagePlan', 'apiKeys', 'ephemeralStorage', 'runtimeManagement', 'kinesis',
  ],
  noEffect: [
    'profile', 'deploymentBucket', 'deploymentMethod', 'deploymentPrefix', 'stackName', 'stackPolicy', 'stackParameters',
    'notificationArns', 'disableRollback', 'rollbackConfiguration', 'cfnRole', 'versionFunctions', 'lambdaHashingVersion',
    'environmentVariablesNotification',
  ],
};

export const PROVIDER_HTTP_API: KeySpec = {
  supported: ['cors'],
  notSimulated: ['authorizers', 'payload', 'id', 'name', 'disableDefaultEndpoint', 'metrics'],
  noEffect: ['useProviderTags'],
};

export const CORS: KeySpec = {
  supported: ['allowedOrigins', 'allowedHeaders', 'allowedMethods', 'allowCredentials', 'exposedResponseHeaders', 'maxAge'],
  notSimulated: [],
};

export const FUNCTION: KeySpec = {
  supported: [
    'handler', 'runtime', 'timeout', 'memorySize', 'environment', 'events', 'reservedConcurrency', 'provisionedConcurrency',
    'description', 'name',
  ],
  notSimulated: [
    'layers', 'role', 'vpc', 'tags', 'architecture', 'ephemeralStorage', 'tracing', 'url', 'destinations', 'onError',
    'maximumRetryAttempts', 'maximumEventAge', 'disableLogs', 'logRetentionInDays', 'logs', 'kmsKeyArn', 'snapStart', 'image',
    'fileSystemConfig', 'condition', 'dependsOn', 'runtimeManagement', 'httpApi', 'iamRoleStatements',
  ],
  noEffect: ['package', 'versionFunction', 'skipFunctionDiff'],
};

export const HTTP_API_EVENT: KeySpec = {
  supported: ['method', 'path'],
  notSimulated: ['authorizer'],
};

/** The framework's `- schedule:` object form. */
export const SCHEDULE_EVENT: KeySpec = {
  supported: ['rate', 'enabled', 'input', 'name', 'description'],
  notSimulated: ['inputPath', 'inputTransformer', 'method', 'timezone', 'roleArn'],
};

export const S3_EVENT: KeySpec = {
  supported: ['bucket', 'event', 'rules', 'existing', 'forceDeploy'],
  notSimulated: [],
};

export const SQS_EVENT: KeySpec = {
  supported: ['arn', 'batchSize', 'maximumBatchingWindow', 'functionResponseType', 'maximumConcurrency', 'enabled'],
  notSimulated: ['filterPatterns'],
};

export const SNS_EVENT: KeySpec = {
  supported: ['arn', 'topicName', 'filterPolicy', 'filterPolicyScope', 'displayName'],
  notSimulated: ['redrivePolicy'],
  noEffect: ['kmsMasterKeyId'],
};

export const EVENT_BRIDGE_EVENT: KeySpec = {
  supported: ['eventBus', 'pattern', 'schedule', 'input', 'inputPath', 'enabled', 'name', 'description'],
  notSimulated: ['inputTransformer', 'retryPolicy', 'deadLetterQueueArn', 'method'],
};

export const STREAM_EVENT: KeySpec = {
  supported: ['type', 'arn', 'batchSize', 'startingPosition', 'maximumRetryAttempts', 'functionResponseType', 'enabled'],
  notSimulated: [
    'batchWindow', 'parallelizationFactor', 'bisectBatchOnFunctionError', 'maximumRecordAgeInSeconds', 'destinations',
    'tumblingWindowInSeconds', 'filterPatterns', 'consumer', 'startingPositionTimestamp',
  ],
};

/** Event kinds the framework knows, and those the playground simulates. */
export const EVENT_KINDS: KeySpec = {
  supported: ['httpApi', 'schedule', 's3', 'sqs', 'sns', 'eventBridge', 'stream'],
  notSimulated: [
    'http', 'websocket', 'kafka', 'activemq', 'rabbitmq', 'msk', 'alb', 'alexaSkill',
    'alexaSmartHome', 'iot', 'iotFleetProvisioning', 'cloudwatchEvent', 'cloudwatchLog', 'cognitoUserPool', 'cloudFront',
  ],
};

/**
 * Warns about every key of a mapping that is not `supported`, at the key, and returns the supported entries.
 * `path` names the mapping in messages: '' for the top level, 'provider', 'functions.hello'.
 */
export function checkKeys(sink: DiagnosticSink, list: Entry[], spec: KeySpec, path: string): Entry[] {
  const kept: Entry[] = [];
  for (const e of list) {
    const where = path ? `${path}.${e.key}` : e.key;
    if (spec.supported.includes(e.key)) kept.push(e);
    else if (spec.notSimulated.includes(e.key)) sink.warn(e.keyNode, `'${where}' is not simulated yet; it is kept for export`);
    else if (spec.noEffect?.includes(e.key)) sink.warn(e.keyNode, `'${where}' has no effect in the playground; it is kept for export`);
    else sink.warn(e.keyNode, unknownKeyMessage(e.key, path, spec));
  }
  return kept;
}

export function unknownKeyMessage(key: string, path: string, spec: KeySpec): string {
  const scope = path ? ` in ${path}` : '';
  const guess = closest(key, [...spec.supported, ...spec.notSimulated, ...(spec.noEffect ?? [])]);
  return `Unknown key '${key}'${scope}${guess ? ` (did you mean '${guess}'?)` : ''}`;
}

/** " (did you mean 'X'?)" for the nearest known word, or '' when none is near. */
export function didYouMean(word: string, known: readonly string[]): string {
  const guess = closest(word, [...known]);
  return guess ? ` (did you mean '${guess}'?)` : '';
}

/**
 * The nearest known key within two edits (fewer for short words, case-insensitive), for "did you mean"; failing that,
 * a known key the word is the start of (`memory` → `memorySize`, `reserved` → `reservedConcurrency`).
 */
function closest(word: string, known: string[]): string | null {
  const lower = word.toLowerCase();
  const prefixOf = lower.length >= 4 ? known.find((k) => k.toLowerCase().startsWith(lower)) ?? null : null;
  let best: string | null = prefixOf;
  let bestDistance = Math.min(3, Math.ceil(word.length / 3));
  for (const k of known) {
    const d = distance(lower, k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}
