/** ARNs and URLs of the simulated resources, built and read back as AWS formats them. */

/** The account every simulated resource lives in. */
export const ACCOUNT_ID = '123456789012';

/**
 * DynamoDB stream ARNs end in a label, the stream's creation time. The playground uses one fixed label
 * so a stream ARN is the same on every deploy.
 */
export const STREAM_LABEL = '2026-01-01T00:00:00.000';

/** S3 bucket ARNs have no region or account: `arn:aws:s3:::uploads`. */
export function bucketArn(name: string): string {
  return `arn:aws:s3:::${name}`;
}

export function queueArn(region: string, account: string, name: string): string {
  return `arn:aws:sqs:${region}:${account}:${name}`;
}

/** What `!Ref Queue` gives: `https://sqs.us-east-1.amazonaws.com/123456789012/orders`. */
export function queueUrl(region: string, account: string, name: string): string {
  return `https://sqs.${region}.amazonaws.com/${account}/${name}`;
}

export function topicArn(region: string, account: string, name: string): string {
  return `arn:aws:sns:${region}:${account}:${name}`;
}

export function tableArn(region: string, account: string, table: string): string {
  return `arn:aws:dynamodb:${region}:${account}:table/${table}`;
}

export function tableStreamArn(region: string, account: string, table: string): string {
  return `${tableArn(region, account, table)}/stream/${STREAM_LABEL}`;
}

export function eventBusArn(region: string, account: string, name: string): string {
  return `arn:aws:events:${region}:${account}:event-bus/${name}`;
}

export function functionArn(region: string, account: string, name: string): string {
  return `arn:aws:lambda:${region}:${account}:function:${name}`;
}

/** An ARN's parts: `arn:partition:service:region:account:resource` (the resource may contain ':' and '/'). */
export interface ArnParts {
  service: string;
  region: string;
  account: string;
  resource: string;
}

export function parseArn(arn: string): ArnParts | null {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || !parts[1] || !parts[2]) return null;
  return { service: parts[2], region: parts[3], account: parts[4], resource: parts.slice(5).join(':') };
}

/** The queue name of an SQS queue ARN, else null. */
export function queueNameFromArn(arn: string): string | null {
  const p = parseArn(arn);
  return p?.service === 'sqs' && p.resource && !p.resource.includes('/') ? p.resource : null;
}

export function topicNameFromArn(arn: string): string | null {
  const p = parseArn(arn);
  return p?.service === 'sns' && p.resource && !p.resource.includes(':') ? p.resource : null;
}

export function bucketNameFromArn(arn: string): string | null {
  const p = parseArn(arn);
  return p?.service === 's3' && p.resource && !p.resource.includes('/') ? p.resource : null;
}

export function busNameFromArn(arn: string): string | null {
  const p = parseArn(arn);
  const m = p?.service === 'events' ? /^event-bus\/(.+)$/.exec(p.resource) : null;
  return m ? m[1] : null;
}

/** A DynamoDB ARN read back: the table, and whether it is the table's stream (`table/T/stream/<label>`). */
export function tableFromArn(arn: string): { table: string; stream: boolean } | null {
  const p = parseArn(arn);
  const m = p?.service === 'dynamodb' ? /^table\/([^/]+)(\/stream\/.+)?$/.exec(p.resource) : null;
  return m ? { table: m[1], stream: m[2] !== undefined } : null;
}
