/** '@aws-sdk/client-s3' inside the worker: bodies sent as bytes, GetObject's Body as the SDK's stream (transformToString, async iteration, 'data' events). */
import type { SdkCore } from './worker-aws-sdk-core';

export interface S3SdkDeps {
  core: SdkCore;
  /** The worker's Buffer: stream chunks are Buffers, as from Node's IncomingMessage. */
  Buffer: { from(bytes: Uint8Array): Uint8Array & { toString(encoding?: string): string } };
}

type Input = Record<string, unknown>;
type Listener = (...args: unknown[]) => void;

/** Runs inside the sandboxed worker: self-contained, like every function the worker program is built from. */
export function createS3Sdk(deps: S3SdkDeps): Record<string, unknown> {
  const { core, Buffer } = deps;
  const TRANSFORMED = 'The stream has already been transformed.'; // @smithy/util-stream's sdk-stream-mixin

  const concat = (chunks: Uint8Array[]) => {
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  };
  const chunkBytes = (c: unknown): Uint8Array => (typeof c === 'string' ? new TextEncoder().encode(c) : bytesOf(c));
  function bytesOf(v: unknown): Uint8Array {
    if (v instanceof ArrayBuffer) return new Uint8Array(v.slice(0));
    if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength) as ArrayBuffer);
    throw new TypeError('The "chunk" argument must be of type string or an instance of Buffer or Uint8Array. Received ' + (v === null ? 'null' : typeof v));
  }

  /** PutObject's Body as bytes: a string (UTF-8), Buffer, typed array, ArrayBuffer, Blob, web ReadableStream or async iterable of chunks. */
  async function bodyBytes(body: unknown): Promise<unknown> {
    if (body === undefined || body === null) return body;
    if (typeof body === 'string') return new TextEncoder().encode(body);
    if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return bytesOf(body);
    const b = body as { arrayBuffer?: () => Promise<ArrayBuffer>; getReader?: () => { read(): Promise<{ done: boolean; value?: unknown }> } };
    if (typeof b.arrayBuffer === 'function') return new Uint8Array(await b.arrayBuffer());
    const chunks: Uint8Array[] = [];
    if (typeof b.getReader === 'function') {
      const reader = b.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(chunkBytes(r.value));
      return concat(chunks);
    }
    const iterable = body as { [Symbol.asyncIterator]?: () => AsyncIterator<unknown>; [Symbol.iterator]?: () => Iterator<unknown> };
    const make = (iterable[Symbol.asyncIterator] || iterable[Symbol.iterator]) as ((this: unknown) => AsyncIterator<unknown> | Iterator<unknown>) | undefined;
    if (typeof make === 'function') {
      const it = make.call(body);
      for (let r = await it.next(); !r.done; r = await it.next()) chunks.push(chunkBytes(r.value));
      return concat(chunks);
    }
    return chunkBytes(body);
  }

  /** What GetObject's Body is in Node: an IncomingMessage with the SDK's transform methods mixed in. */
  class IncomingMessage {
    declare private _bytes: Uint8Array;
    declare private _transformed: boolean;
    declare private _listeners: Record<string, Listener[]>;
    declare private _encoding: string | null;
    readonly readable = true;
    constructor(bytes: Uint8Array) {
      core.hidden(this, '_bytes', bytes);
      core.hidden(this, '_transformed', false);
      core.hidden(this, '_listeners', {});
      core.hidden(this, '_encoding', null);
    }
    private take(): Uint8Array {
      if (this._transformed) throw new Error(TRANSFORMED);
      this._transformed = true;
      return this.drain();
    }
    /** Reading the stream any other way leaves it empty (not transformed). */
    private drain(): Uint8Array {
      const b = this._bytes;
      this._bytes = new Uint8Array(0);
      return b;
    }
    transformToByteArray(): Promise<Uint8Array> {
      return Promise.resolve().then(() => new Uint8Array(this.take()));
    }
    transformToString(encoding?: string): Promise<string> {
      return Promise.resolve().then(() => {
        const bytes = this.take();
        return encoding ? Buffer.from(bytes).toString(encoding) : new TextDecoder('utf-8').decode(bytes);
      });
    }
    transformToWebStream(): unknown {
      const bytes = this.take();
      const RS = (globalThis as { ReadableStream?: new (src: object) => unknown }).ReadableStream;
      if (!RS) throw new Error('ReadableStream is not available in this runtime');
      return new RS({
        start(c: { enqueue(b: Uint8Array): void; close(): void }) {
          if (bytes.length) c.enqueue(bytes);
          c.close();
        },
      });
    }
    [Symbol.asyncIterator](): AsyncIterator<unknown> {
      let chunk: Uint8Array | null = this.drain();
      const enc = this._encoding;
      return {
        next: () => {
          const c = chunk;
          chunk = null;
          if (!c || !c.length) return Promise.resolve({ done: true, value: undefined });
          const b = Buffer.from(c);
          return Promise.resolve({ done: false, value: enc ? b.toString(enc) : b });
        },
      };
    }
    /** Node stream events ('data', 'end', 'error', 'close'): a 'data' listener starts the flow, as in Node. */
    on(name: string, fn: Listener): this {
      (this._listeners[name] ||= []).push(fn);
      if (name === 'data' || name === 'readable') this.resume();
      return this;
    }
    once(name: string, fn: Listener): this {
      const wrapped: Listener = (...a) => {
        this.off(name, wrapped);
        fn(...a);
      };
      return this.on(name, wrapped);
    }
    off(name: string, fn: Listener): this {
      const list = this._listeners[name] || [];
      const i = list.indexOf(fn);
      if (i >= 0) list.splice(i, 1);
      return this;
    }
    removeListener(name: string, fn: Listener): this {
      return this.off(name, fn);
    }
    addListener(name: string, fn: Listener): this {
      return this.on(name, fn);
    }
    setEncoding(encoding: string): this {
      this._encoding = encoding;
      return this;
    }
    resume(): this {
      if (this._transformed) return this;
      this._transformed = true;
      const emit = (name: string, ...a: unknown[]) => (this._listeners[name] || []).slice().forEach((fn) => fn(...a));
      Promise.resolve().then(() => {
        const c = this.drain();
        if (c.length) emit('data', this._encoding ? Buffer.from(c).toString(this._encoding) : Buffer.from(c));
        emit('end');
        emit('close');
      });
      return this;
    }
    destroy(): this {
      this.drain();
      return this;
    }
  }

  const DATES = ['LastModified', 'CreationDate', 'Expires', 'Initiated'];
  const mod = core.defineService({
    service: 's3',
    prefix: 'S3',
    operations: ['PutObject', 'GetObject', 'HeadObject', 'ListObjectsV2', 'DeleteObject', 'DeleteObjects', 'CopyObject', 'ListBuckets', 'HeadBucket'],
    exceptions: ['NoSuchKey', 'NoSuchBucket', 'NotFound', 'NoSuchUpload', 'InvalidObjectState', 'ObjectNotInActiveTierError', 'BucketAlreadyExists', 'BucketAlreadyOwnedByYou', 'InvalidRequest', 'TooManyParts'],
    encode: (op, input) => {
      if (op !== 'PutObject' || !input || input.Body === undefined) return input;
      return bodyBytes(input.Body).then((Body) => Object.assign({}, input, { Body }));
    },
    decode: (op, output) => {
      core.dates(output, DATES);
      if (op === 'GetObject') output.Body = new IncomingMessage(output.Body instanceof Uint8Array ? output.Body : new Uint8Array(0));
      return output;
    },
    // A REST-XML error body carries <Code> and <RequestId>; a HEAD answer has no body, so NotFound has neither.
    errorFields: (name, requestId) => (name === 'NotFound' ? {} : { Code: name, RequestId: requestId }),
    requestId: () => core.hex(16, true),
    status: (op) => (op === 'DeleteObject' ? 204 : 200),
  });
  mod.paginateListObjectsV2 = core.paginator(mod.ListObjectsV2Command as new (i: Input) => unknown, 'ContinuationToken', 'NextContinuationToken', 'MaxKeys');
  return mod;
}
