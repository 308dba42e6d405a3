/** The event EventBridge sends a function when a schedule rule fires, and the ARN of the rule the Serverless Framework creates. */
import type { ScheduledEvent } from 'aws-lambda';

export interface ScheduledEventInput {
  id: string;
  /** Epoch ms of the scheduled time. */
  time: number;
  region: string;
  account: string;
  ruleArn: string;
}

/** A scheduled event exactly as EventBridge delivers it: version "0", `time` in ISO 8601 without milliseconds, empty detail. */
export function scheduledEvent(o: ScheduledEventInput): ScheduledEvent {
  return {
    version: '0',
    id: o.id,
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: o.account,
    time: new Date(o.time).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: o.region,
    resources: [o.ruleArn],
    detail: {},
  };
}

/** EventBridge rule names are at most 64 characters; CloudFormation shortens the generated name to fit. */
const MAX_RULE_NAME = 64;
const SUFFIX_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The ARN of the rule behind a function's `schedule` event, as a Serverless Framework deploy names it:
 * logical id `<Function>EventsRuleSchedule<n>` (n counts from 1 per function; `-` → `Dash`, `_` → `Underscore`),
 * physical name `<service>-<stage>-<logical id>-<13-character suffix>` from CloudFormation. CloudFormation's suffix is
 * random; here it is a hash of the inputs, so the same project always gets the same ARN.
 */
export function scheduleRuleArn(
  region: string,
  account: string,
  service: string,
  stage: string,
  functionName: string,
  index: number,
): string {
  if (!Number.isInteger(index) || index < 1) throw new RangeError(`schedule index counts from 1, got ${index}`);
  const stack = `${service}-${stage}`;
  const logicalId = `${normalizedFunctionName(functionName)}EventsRuleSchedule${index}`;
  const suffix = hashSuffix(`${region}:${account}:${stack}:${logicalId}`);
  const budget = MAX_RULE_NAME - suffix.length - 2;
  let [s, l] = [stack, logicalId];
  if (s.length + l.length > budget) {
    const keep = Math.min(s.length, Math.max(budget - l.length, Math.floor(budget / 2)));
    [s, l] = [s.slice(0, keep), l.slice(0, budget - keep)];
  }
  return `arn:aws:events:${region}:${account}:rule/${s}-${l}-${suffix}`;
}

/** Serverless's getNormalizedFunctionName: hyphens and underscores spelled out, first letter upper-cased. */
function normalizedFunctionName(name: string): string {
  const n = name.replace(/-/g, 'Dash').replace(/_/g, 'Underscore');
  return n.charAt(0).toUpperCase() + n.slice(1);
}

/** 13 upper-case alphanumerics from two FNV-1a hashes of `s`. */
function hashSuffix(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    a = Math.imul(a ^ s.charCodeAt(i), 0x01000193) >>> 0;
    b = Math.imul(b ^ s.charCodeAt(i), 0x5bd1e995) >>> 0;
  }
  let out = '';
  for (let i = 0; i < 13; i++) {
    const src = i % 2 === 0 ? a : b;
    out += SUFFIX_CHARS[src % 36];
    if (i % 2 === 0) a = Math.imul(a ^ (a >>> 15), 0x2c1b3c6d) >>> 0;
    else b = Math.imul(b ^ (b >>> 13), 0x297a2d39) >>> 0;
  }
  return out;
}
