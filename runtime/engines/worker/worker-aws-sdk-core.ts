/** The AWS SDK for JavaScript v3's client machinery inside the worker (clients, commands, service exceptions, $metadata, paginators), sending each call to the page. */

/** The page's answer to one call (a ServiceReply as it crosses the port). */
export type SdkReply =
  | { ok: true; output: Record<string, unknown> }
  | { ok: false; error: { name: string; message: string; statusCode: number; fault: 'client' | 'server' } };

export interface SdkCoreDeps {
  /** Sends one call to the page and resolves with its reply. */
  call(service: string, operation: string, input: Record<string, unknown>): Promise<SdkReply>;
  /** The function's region (process.env.AWS_REGION), for `client.config.region()`. */
  region(): string;
}

/** One service package: '@aws-sdk/client-sqs' is `{ service: 'sqs', prefix: 'SQS', … }`. */
export interface ServiceSpec {
  service: string;
  /** Names the client (`SQSClient`), the aggregated class (`SQS`) and the base exception (`SQSServiceException`). */
  prefix: string;
  operations: string[];
  /** Modeled exceptions, exported as classes for `instanceof`. */
  exceptions: string[];
  /** Turns a command's input into what crosses the port (S3 bodies to bytes). */
  encode?(operation: string, input: Record<string, unknown>): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Turns the page's output into what the SDK returns (Dates, S3 body streams). */
  decode?(operation: string, output: Record<string, unknown>): Record<string, unknown>;
  /** Fields the service's error body adds to a thrown exception (S3's Code, DynamoDB's __type). */
  errorFields?(name: string, requestId: string): Record<string, unknown>;
  /** The service's request id format (S3: 16 hex digits; others: a UUID). */
  requestId?(): string;
  /** HTTP status of a success (S3 DeleteObject answers 204). */
  status?(operation: string): number;
}

type Input = Record<string, unknown>;
type Ctor = new (...args: never[]) => unknown;
type Callback = (err: unknown, data?: unknown) => void;

/** Runs inside the sandboxed worker: self-contained, like every function the worker program is built from. */
export function createSdkCore(deps: SdkCoreDeps) {
  /** How a command runs when a client sends it (a lib-dynamodb command wraps a client-dynamodb one). */
  const RUN = Symbol('aws-sdk.run');
  const hex = (n: number, upper = false) => {
    let s = '';
    for (let i = 0; i < n; i++) s += ((Math.random() * 16) | 0).toString(16);
    return upper ? s.toUpperCase() : s;
  };
  const uuid = () => hex(8) + '-' + hex(4) + '-4' + hex(3) + '-' + '89ab'[(Math.random() * 4) | 0] + hex(3) + '-' + hex(12);
  const hidden = (o: object, key: PropertyKey, value: unknown) => Object.defineProperty(o, key, { value, writable: true, configurable: true, enumerable: false });

  /** The middleware stack: people add logging or header middleware; here it is accepted and not run. */
  const middlewareStack = () => {
    const stack: Record<string, unknown> = {};
    for (const m of ['add', 'addRelativeTo', 'use', 'applyToStack']) stack[m] = () => {};
    for (const m of ['remove', 'removeByTag']) stack[m] = () => false;
    for (const m of ['clone', 'concat']) stack[m] = () => stack;
    stack.identify = () => [];
    stack.resolve = (handler: unknown) => handler;
    return stack;
  };

  /** @smithy/smithy-client's ServiceException: every service's base exception extends it. */
  class ServiceException extends Error {
    declare $fault: 'client' | 'server';
    declare $metadata: Record<string, unknown>;
    constructor(o: { name: string; message?: string; $fault: 'client' | 'server'; $metadata?: Record<string, unknown> }) {
      super(o.message);
      this.name = o.name;
      this.$fault = o.$fault;
      this.$metadata = o.$metadata || {};
    }
    static isInstance(v: unknown): boolean {
      return v instanceof ServiceException || (!!v && typeof (v as ServiceException).$fault === 'string' && typeof (v as ServiceException).$metadata === 'object');
    }
  }

  class Command {
    input: Input;
    declare middlewareStack: unknown;
    constructor(input?: Input) {
      this.input = input === undefined || input === null ? {} : input;
      hidden(this, 'middlewareStack', middlewareStack());
    }
  }

  class Client {
    config: Record<string, unknown>;
    declare middlewareStack: unknown;
    /** Region, endpoint, credentials, forcePathStyle, retries: accepted and ignored (every call goes to the simulation). */
    constructor(config?: Record<string, unknown>) {
      const given = config || {};
      const region = given.region;
      this.config = Object.assign({}, given, {
        region: () => Promise.resolve(typeof region === 'function' ? region() : region || deps.region()),
      });
      hidden(this, 'middlewareStack', middlewareStack());
    }
    /** `send(command)`, `send(command, { abortSignal })`, or with a Node-style callback last. */
    send(command: unknown, optionsOrCb?: unknown, cb?: unknown): Promise<unknown> | void {
      const callback = (typeof optionsOrCb === 'function' ? optionsOrCb : typeof cb === 'function' ? cb : null) as Callback | null;
      const options = (optionsOrCb && typeof optionsOrCb === 'object' ? optionsOrCb : {}) as { abortSignal?: { aborted?: boolean } };
      let p: Promise<unknown>;
      const cmd = command as Record<PropertyKey, unknown> | null;
      if (!cmd || typeof cmd[RUN] !== 'function') p = Promise.reject(new TypeError('client.send() takes a command, as in client.send(new PutObjectCommand({ … }))'));
      else if (options.abortSignal && options.abortSignal.aborted) {
        const err = new Error('Request aborted');
        err.name = 'AbortError';
        p = Promise.reject(err);
      } else p = (cmd[RUN] as (c: unknown) => Promise<unknown>)(this);
      if (!callback) return p;
      p.then((data) => callback(null, data), (err) => callback(err));
    }
    destroy(): void {}
  }

  function toError(spec: ServiceSpec, classes: Record<string, Ctor>, base: Ctor, e: Extract<SdkReply, { ok: false }>['error'], requestId: string): Error {
    const $metadata = { httpStatusCode: e.statusCode, requestId, attempts: 1, totalRetryDelay: 0 };
    const Cls = Object.prototype.hasOwnProperty.call(classes, e.name) ? classes[e.name] : null;
    const err = (Cls ? new (Cls as unknown as new (o: object) => ServiceException)({ message: e.message, $metadata }) : new (base as unknown as new (o: object) => ServiceException)({ name: e.name, $fault: e.fault, message: e.message, $metadata })) as ServiceException;
    err.$fault = e.fault;
    const extra = spec.errorFields ? spec.errorFields(e.name, requestId) : {};
    for (const k of Object.keys(extra)) if (!(k in err)) (err as unknown as Record<string, unknown>)[k] = extra[k];
    return err;
  }

  /** Builds a client package: its client, aggregated client, commands and exception classes. */
  function defineService(spec: ServiceSpec): Record<string, unknown> {
    const mod: Record<string, unknown> = {};
    const baseName = spec.prefix + 'ServiceException';
    const Base = {
      [baseName]: class extends ServiceException {},
    }[baseName];
    mod[baseName] = Base;
    const classes: Record<string, Ctor> = {};
    for (const name of spec.exceptions) {
      const fault = /^Internal|ServiceUnavailable/.test(name) ? 'server' : 'client';
      const Cls = {
        [name]: class extends Base {
          constructor(o: { message?: string; $metadata?: Record<string, unknown> } = {}) {
            super(Object.assign({ name, $fault: fault as 'client' | 'server' }, o));
          }
        },
      }[name];
      hidden(Cls.prototype, 'name', name); // so the stack's first line names it before the constructor runs
      classes[name] = Cls;
      mod[name] = Cls;
    }
    const invoke = (operation: string, input: Input): Promise<Record<string, unknown>> => {
      const requestId = spec.requestId ? spec.requestId() : uuid();
      return Promise.resolve()
        .then(() => (spec.encode ? spec.encode(operation, input) : input))
        .then((wire) => deps.call(spec.service, operation, wire))
        .then((reply) => {
          if (!reply.ok) throw toError(spec, classes, Base, reply.error, requestId);
          const out = spec.decode ? spec.decode(operation, reply.output) : reply.output;
          const $metadata = { httpStatusCode: spec.status ? spec.status(operation) : 200, requestId, attempts: 1, totalRetryDelay: 0 };
          return Object.assign({ $metadata }, out);
        });
    };
    const clientName = spec.prefix + 'Client';
    const ServiceClient = { [clientName]: class extends Client {} }[clientName];
    const Aggregated = { [spec.prefix]: class extends ServiceClient {} }[spec.prefix];
    mod[clientName] = ServiceClient;
    mod[spec.prefix] = Aggregated;
    for (const op of spec.operations) {
      const name = op + 'Command';
      const Cmd = { [name]: class extends Command {} }[name];
      hidden(Cmd.prototype, RUN, function (this: Command) {
        return invoke(op, this.input);
      });
      mod[name] = Cmd;
      // The v2-style aggregated client: `new S3().putObject(input)`.
      hidden(Aggregated.prototype, op[0].toLowerCase() + op.slice(1), function (this: Client, input: Input, a?: unknown, b?: unknown) {
        return this.send(new Cmd(input), a, b);
      });
    }
    return mod;
  }

  /** `paginateX({ client, pageSize, startingToken }, input)`: an async iterable of pages, following the output token until it is empty. */
  function paginator(Cmd: new (input: Input) => unknown, inputToken: string, outputToken: string, pageSizeKey: string | null) {
    return (config: { client: Client; pageSize?: number; startingToken?: unknown }, input?: Input) => {
      let token = config.startingToken;
      let done = false;
      const it = {
        next(): Promise<IteratorResult<unknown>> {
          if (done) return Promise.resolve({ done: true, value: undefined });
          const page: Input = Object.assign({}, input);
          if (token !== undefined) page[inputToken] = token;
          if (pageSizeKey && config.pageSize !== undefined) page[pageSizeKey] = config.pageSize;
          return (config.client.send(new Cmd(page)) as Promise<Record<string, unknown>>).then((out) => {
            token = out[outputToken];
            done = !token;
            return { done: false, value: out };
          });
        },
        return(): Promise<IteratorResult<unknown>> {
          done = true;
          return Promise.resolve({ done: true, value: undefined });
        },
        [Symbol.asyncIterator]() {
          return it;
        },
      };
      return it;
    };
  }

  /** Turns the page's epoch-ms (or ISO) timestamps into Dates wherever the SDK returns one, at any depth. */
  function dates(value: unknown, keys: string[]): unknown {
    if (Array.isArray(value)) value.forEach((v) => dates(v, keys));
    else if (value && typeof value === 'object' && !ArrayBuffer.isView(value) && !(value instanceof Date)) {
      const o = value as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        const v = o[k];
        if (keys.includes(k) && (typeof v === 'number' || typeof v === 'string')) o[k] = new Date(v);
        else if (v && typeof v === 'object') dates(v, keys);
      }
    }
    return value;
  }

  return { RUN, Client, Command, ServiceException, defineService, paginator, dates, hidden, hex, uuid };
}

export type SdkCore = ReturnType<typeof createSdkCore>;
