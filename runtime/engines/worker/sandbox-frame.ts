/** The opaque-origin sandbox (a hidden `sandbox="allow-scripts"` iframe) that creates function workers, so user code never reaches the page or its storage. */

/** A worker started inside the frame; the page talks to it directly over `port`. */
export interface SandboxWorker {
  id: string;
  port: MessagePort;
}

type FrameMessage = { type: 'ready' } | { type: 'error'; id: string | null; message: string };

/**
 * The frame's bootstrap script. It runs inside the sandbox (origin `null`): self-contained.
 * Workers from http URLs throw SecurityError in a null-origin frame, so each distinct program
 * becomes one blob: URL, reused. Errors inside the frame and its workers never reach the page's
 * console listeners, so they are reported to the page explicitly.
 */
export function frameBootstrap(win: Window): void {
  const urls = new Map<string, string>();
  const workers = new Map<string, Worker>();
  const report = (id: string | null, message: string) => win.parent.postMessage({ type: 'error', id, message }, '*');
  win.addEventListener('error', (e) => report(null, 'sandbox frame: ' + e.message));
  win.addEventListener('message', (e) => {
    if (e.source !== win.parent) return;
    const m = e.data as { type: string; id: string; key?: string; source?: string; port?: MessagePort };
    if (m.type === 'spawn') {
      try {
        let url = urls.get(m.key as string);
        if (!url) {
          url = URL.createObjectURL(new Blob([m.source as string], { type: 'text/javascript' }));
          urls.set(m.key as string, url);
        }
        const w = new Worker(url, { name: m.id });
        w.onerror = (ev) => {
          ev.preventDefault();
          report(m.id, ev.message + ' (' + ev.filename + ':' + ev.lineno + ':' + ev.colno + ')');
        };
        w.postMessage(null, [m.port as MessagePort]);
        workers.set(m.id, w);
      } catch (err) {
        report(m.id, String(err));
      }
    } else if (m.type === 'kill') {
      const w = workers.get(m.id);
      if (w) w.terminate();
      workers.delete(m.id);
    }
  });
  win.parent.postMessage({ type: 'ready' }, '*');
}

export class SandboxFrame {
  private iframe!: HTMLIFrameElement;
  private ready = false;
  private queue: { message: unknown; transfer: Transferable[] }[] = [];
  private known = new Set<string>();
  private live = new Set<string>();
  private seq = 0;
  private readonly onWindowMessage = (e: MessageEvent) => {
    if (e.source !== this.iframe.contentWindow || !e.data) return;
    const m = e.data as FrameMessage;
    if (m.type === 'ready') {
      this.ready = true;
      for (const q of this.queue) this.post(q.message, q.transfer);
      this.queue = [];
    } else if (m.type === 'error') this.onError(m.id, String(m.message));
  };

  /** `onError`: a worker (by id) or the frame itself (null) failed; the message says how. */
  constructor(
    private readonly doc: Document,
    private readonly onError: (workerId: string | null, message: string) => void = () => {},
  ) {
    doc.defaultView?.addEventListener('message', this.onWindowMessage);
    this.create();
  }

  /** Starts a worker running `source` (the same `key` reuses the frame's blob: URL without resending the text). */
  spawn(key: string, source: string): SandboxWorker {
    if (!this.iframe.isConnected) this.create(); // someone removed the frame: its workers are gone, start afresh
    const id = 'w' + ++this.seq;
    const channel = new MessageChannel();
    const first = !this.known.has(key);
    this.known.add(key);
    this.send({ type: 'spawn', id, key, source: first ? source : undefined, port: channel.port2 }, [channel.port2]);
    this.live.add(id);
    return { id, port: channel.port1 };
  }

  kill(id: string): void {
    if (this.live.delete(id) && this.iframe.isConnected) this.send({ type: 'kill', id }, []);
  }

  /** Whether the worker still runs (false once killed, or when the frame was removed from the document). */
  owns(id: string): boolean {
    return this.live.has(id) && this.iframe.isConnected;
  }

  dispose(): void {
    this.doc.defaultView?.removeEventListener('message', this.onWindowMessage);
    this.iframe.remove();
    this.live.clear();
    this.queue = [];
  }

  private create(): void {
    this.iframe?.remove();
    this.ready = false;
    this.queue = [];
    this.known.clear();
    this.live.clear();
    const f = this.doc.createElement('iframe');
    f.setAttribute('sandbox', 'allow-scripts');
    f.setAttribute('aria-hidden', 'true');
    f.title = 'Function sandbox';
    f.tabIndex = -1;
    f.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden;pointer-events:none';
    f.srcdoc = '<!doctype html><meta charset="utf-8"><script>(' + frameBootstrap.toString() + ')(window)</script>';
    this.iframe = f;
    this.doc.body.appendChild(f);
  }

  private send(message: unknown, transfer: Transferable[]): void {
    if (this.ready) this.post(message, transfer);
    else this.queue.push({ message, transfer });
  }

  private post(message: unknown, transfer: Transferable[]): void {
    this.iframe.contentWindow?.postMessage(message, '*', transfer);
  }
}
