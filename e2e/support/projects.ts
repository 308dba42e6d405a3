/** Small projects the browser tests open through share links. */
import type { Files } from './project-url';

export interface FunctionSpec {
  handler: string;
  /** `httpApi` route keys, e.g. 'GET /users/{id}'. */
  routes?: string[];
  timeout?: number;
}

/** A serverless.yml for the given functions (provider defaults otherwise). */
export function manifest(service: string, functions: Record<string, FunctionSpec>): string {
  const lines = [`service: ${service}`, 'provider:', '  name: aws', '  runtime: nodejs20.x', 'functions:'];
  for (const [name, fn] of Object.entries(functions)) {
    lines.push(`  ${name}:`, `    handler: ${fn.handler}`);
    if (fn.timeout !== undefined) lines.push(`    timeout: ${fn.timeout}`);
    if (fn.routes?.length) {
      lines.push('    events:');
      for (const route of fn.routes) lines.push(`      - httpApi: '${route}'`);
    }
  }
  return lines.join('\n') + '\n';
}

/** One `handler.js` (CommonJS) plus its manifest. */
export function project(service: string, functions: Record<string, FunctionSpec>, handlerJs: string): Files {
  return { 'serverless.yml': manifest(service, functions), 'handler.js': handlerJs };
}

/** A unique marker per call, so an assertion cannot pass on stale output from another test or version. */
export function marker(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}
