/** The playground's model of a serverless.yml project (the subset in CONTRACTS.md §1). */

/** A project is a flat map of POSIX-style relative paths ("src/handler.ts") to file text. */
export type Files = Record<string, string>;

export type Severity = 'error' | 'warning';

/** A problem found in a file, with 1-based line and column, as an editor marker shows it. */
export interface Diagnostic {
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Runtime =
  | 'nodejs18.x' | 'nodejs20.x' | 'nodejs22.x'
  | 'python3.11' | 'python3.12' | 'python3.13';

/** `cors: true` or the object form of provider.httpApi.cors, normalised. */
export interface CorsConfig {
  allowedOrigins: string[];
  allowedHeaders: string[];
  allowedMethods: string[];
  allowCredentials: boolean;
  exposedResponseHeaders: string[];
  maxAge?: number;
}

/** One `- httpApi:` event of a function, normalised. method is upper case, 'ANY', or '*' (catch-all route). */
export interface HttpApiEventDef {
  kind: 'httpApi';
  method: string;
  /** '/users/{id}', '/files/{proxy+}', or '*' for the catch-all `httpApi: '*'`. */
  path: string;
  /** As API Gateway names it: 'GET /hello', 'ANY /x', or '$default' for '*'. */
  routeKey: string;
  /** Where it was written, for diagnostics (duplicate routes etc.). */
  line: number;
}

/** One schedule of a `- schedule:` event (a `rate: [a, b]` list gives one each), as an EventBridge rule. */
export interface ScheduleEventDef {
  kind: 'schedule';
  /** As written: 'rate(5 minutes)' or 'cron(0 12 * * ? *)'. */
  expression: string;
  enabled: boolean;
  /** `input:` replaces the Scheduled Event as the function's event, as the rule's target Input does. */
  input?: unknown;
  line: number;
}

/** Event kinds later issues add (s3, sqs, …) extend this union. */
export type FunctionEventDef = HttpApiEventDef | ScheduleEventDef;

export interface FunctionDef {
  /** The key under `functions:`. */
  name: string;
  /** As written: 'handler.hello' or 'src/users.get'. */
  handler: string;
  /** The handler module path without extension, e.g. 'src/users'. */
  handlerModule: string;
  /** The exported name, e.g. 'get'. */
  handlerExport: string;
  runtime: Runtime;
  /** Seconds (framework default 6). */
  timeout: number;
  /** MB (framework default 1024). */
  memorySize: number;
  /** provider.environment merged with the function's own (function wins). */
  environment: Record<string, string>;
  events: FunctionEventDef[];
  reservedConcurrency?: number;
  provisionedConcurrency?: number;
  /** The deployed Lambda's name: the function's `name:`, else the framework's `<service>-<stage>-<key>`. */
  functionName?: string;
  /** The function's `description:`, if any. */
  description?: string;
  /** Line of the function's key in serverless.yml. */
  line: number;
}

export interface Project {
  service: string;
  provider: {
    name: 'aws';
    runtime: Runtime;
    region: string;
    stage: string;
    timeout: number;
    memorySize: number;
    environment: Record<string, string>;
    httpApi: { cors: CorsConfig | null };
  };
  functions: Record<string, FunctionDef>;
}

export interface ManifestResult {
  /** null when the manifest has errors: the last good deployment keeps serving. */
  project: Project | null;
  diagnostics: Diagnostic[];
}
