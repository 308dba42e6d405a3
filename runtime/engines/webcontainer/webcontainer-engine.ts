/**
 * The WebContainer engine: real Node.js for functions that need it (npm dependencies, Node's own modules). The
 * container is booted once per page (the API allows one) by whoever provides it; the engine mounts the in-container
 * host and the AWS SDK shim once, each deployed function's code once, and runs every instance as its own `node`
 * process, so a cold start is a real process start.
 */
import type { Engine, FunctionBundle, Instance, LogSink } from '../engine';
import type { ServiceCallHandler } from '../../services/types';
import type { ContainerLike, FileTree } from './container';
import { ContainerInstance, loadFrame } from './container-instance';
import { awsSdkModuleSource } from './sdk-module';

/** Where the engine's own files live, relative to the container's workdir (next to the user's package.json). */
export const PLAYGROUND_DIR = '.playground';

export interface WebContainerEngineOptions {
  /** The booted container (booted once, shared). */
  container(): Promise<ContainerLike>;
  /** The text of host/lambda-host.cjs (fetched from the site in the page, read from disk under Node). */
  hostSource(): Promise<string>;
}

/** A file tree of `files` (paths with '/') under nested directories. */
export function fileTree(files: Record<string, string | Uint8Array>): FileTree {
  const root: FileTree = {};
  for (const [path, contents] of Object.entries(files)) {
    const parts = path.split('/').filter(Boolean);
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      const node = (dir[part] ??= { directory: {} });
      if (!('directory' in node)) throw new Error(`${path}: '${part}' is a file`);
      dir = node.directory;
    }
    dir[parts[parts.length - 1]] = { file: { contents } };
  }
  return root;
}

export class WebContainerEngine implements Engine {
  readonly kind = 'webcontainer' as const;
  private setup: Promise<ContainerLike> | null = null;
  /** Each deployed bundle's directory (a new deploy's bundles are new objects: mounted afresh). */
  private readonly mounted = new WeakMap<FunctionBundle, Promise<string>>();
  private readonly live = new Set<ContainerInstance>();
  private mounts = 0;
  private instances = 0;
  private disposed = false;

  constructor(private readonly options: WebContainerEngineOptions) {}

  async startInstance(bundle: FunctionBundle, sink: LogSink, services?: ServiceCallHandler): Promise<Instance> {
    const container = await this.ready();
    const root = await this.mount(container, bundle);
    const process = await container.spawn('node', [`${container.workdir}/${PLAYGROUND_DIR}/lambda-host.cjs`], { cwd: root });
    const instance = new ContainerInstance(`wc-${++this.instances}`, process, bundle.functionName, sink, services);
    this.live.add(instance);
    void process.exit.then(() => this.live.delete(instance));
    if (this.disposed) instance.stop();
    await instance.start(loadFrame(bundle, root, `${container.workdir}/${PLAYGROUND_DIR}/aws-sdk.cjs`));
    return instance;
  }

  dispose(): void {
    this.disposed = true;
    for (const i of this.live) i.stop();
    this.live.clear();
  }

  /** The container with the host and the SDK shim mounted (once). */
  private ready(): Promise<ContainerLike> {
    this.setup ??= (async () => {
      const [container, host] = await Promise.all([this.options.container(), this.options.hostSource()]);
      await container.mount(fileTree({ [`${PLAYGROUND_DIR}/lambda-host.cjs`]: host, [`${PLAYGROUND_DIR}/aws-sdk.cjs`]: awsSdkModuleSource() }));
      return container;
    })();
    this.setup.catch(() => (this.setup = null)); // a failed boot may be retried
    return this.setup;
  }

  private mount(container: ContainerLike, bundle: FunctionBundle): Promise<string> {
    let dir = this.mounted.get(bundle);
    if (!dir) {
      const rel = `${PLAYGROUND_DIR}/functions/${++this.mounts}-${bundle.functionName.replace(/[^\w-]/g, '_')}`;
      dir = container.mount(fileTree(bundle.modules), { mountPoint: rel }).then(() => `${container.workdir}/${rel}`);
      this.mounted.set(bundle, dir);
    }
    return dir;
  }
}
