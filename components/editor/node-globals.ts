/** A small declaration of the Node.js globals a Lambda handler uses, so handler code has no red squiggles. */
export const NODE_GLOBALS_PATH = 'file:///node_modules/@types/playground-node/index.d.ts';

export const NODE_GLOBALS_DTS = `
declare var process: {
  env: Record<string, string | undefined>;
  argv: string[];
  platform: string;
  version: string;
  versions: Record<string, string>;
  cwd(): string;
  exit(code?: number): never;
  hrtime: { bigint(): bigint };
  memoryUsage(): { rss: number; heapTotal: number; heapUsed: number; external: number };
  nextTick(callback: (...args: any[]) => void, ...args: any[]): void;
  uptime(): number;
};
interface Console {
  log(...data: any[]): void;
  info(...data: any[]): void;
  warn(...data: any[]): void;
  error(...data: any[]): void;
  debug(...data: any[]): void;
  trace(...data: any[]): void;
  table(data: any, columns?: string[]): void;
  time(label?: string): void;
  timeEnd(label?: string): void;
}
declare var console: Console;
declare var require: { (id: string): any; resolve(id: string): string; cache: Record<string, any> };
declare var module: { exports: any; id: string; filename: string; loaded: boolean; require(id: string): any };
declare var exports: any;
declare var __dirname: string;
declare var __filename: string;
declare var global: typeof globalThis;
declare function setTimeout(callback: (...args: any[]) => void, ms?: number, ...args: any[]): any;
declare function clearTimeout(handle: any): void;
declare function setInterval(callback: (...args: any[]) => void, ms?: number, ...args: any[]): any;
declare function clearInterval(handle: any): void;
declare function setImmediate(callback: (...args: any[]) => void, ...args: any[]): any;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T>(value: T): T;
declare function fetch(input: string | URL, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<{
  ok: boolean; status: number; headers: { get(name: string): string | null };
  text(): Promise<string>; json(): Promise<any>;
}>;
declare class URL {
  constructor(url: string, base?: string | URL);
  href: string; origin: string; protocol: string; host: string; hostname: string; port: string;
  pathname: string; search: string; hash: string; readonly searchParams: URLSearchParams;
  toString(): string;
}
declare class URLSearchParams {
  constructor(init?: string | Record<string, string> | [string, string][]);
  get(name: string): string | null; getAll(name: string): string[]; has(name: string): boolean;
  set(name: string, value: string): void; append(name: string, value: string): void; delete(name: string): void;
  entries(): IterableIterator<[string, string]>; toString(): string;
}
declare class TextEncoder { encode(input?: string): Uint8Array }
declare class TextDecoder { constructor(label?: string); decode(input?: ArrayBufferView | ArrayBuffer): string }
declare var Buffer: {
  from(data: string | ArrayLike<number> | ArrayBuffer, encoding?: 'utf8' | 'utf-8' | 'base64' | 'base64url' | 'hex' | 'latin1'): Uint8Array & { toString(encoding?: string): string };
  byteLength(data: string, encoding?: string): number;
  isBuffer(value: unknown): boolean;
};
declare var crypto: { randomUUID(): string; getRandomValues<T extends ArrayBufferView>(array: T): T };
`;
