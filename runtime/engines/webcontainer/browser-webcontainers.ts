/**
 * WebContainers in the page: `@webcontainer/api` booted once (the API allows one per page) with COEP credentialless,
 * adapted to the ContainerLike the engine uses, and the in-container host served by the site itself. Loaded only when a
 * project asks for WebContainers (engine-choice.ts). What runs here could not be exercised on the development machine
 * or in CI (StackBlitz is unreachable there): the engine, host, install and protocol are tested on node-container.ts.
 */
import type { FileSystemTree } from '@webcontainer/api';
import type { WebContainerProvider } from '../../deploy/engine-selector';
import type { ContainerLike } from './container';
import { WebContainerRuntime } from './webcontainer-runtime';

/** The site serves the host program as a file of its own (emitted by the bundler from this URL). */
const HOST_URL = new URL('./host/lambda-host.cjs', import.meta.url);

async function boot(): Promise<ContainerLike> {
  const { WebContainer } = await import('@webcontainer/api');
  const wc = await WebContainer.boot({ coep: 'credentialless', workdirName: 'project' });
  const relative = (p: string | undefined) => (p && p.startsWith(`${wc.workdir}/`) ? p.slice(wc.workdir.length + 1) : p === wc.workdir ? '.' : p);
  return {
    workdir: wc.workdir,
    async mount(tree, options) {
      if (options?.mountPoint) await wc.fs.mkdir(options.mountPoint, { recursive: true });
      await wc.mount(tree as FileSystemTree, options);
    },
    async spawn(command, args, options) {
      const p = await wc.spawn(command, args, { cwd: relative(options?.cwd), env: options?.env });
      return { input: p.input, output: p.output, exit: p.exit, kill: () => p.kill() };
    },
  };
}

export function createBrowserWebContainers(): WebContainerProvider {
  return new WebContainerRuntime({
    boot,
    hostSource: async () => {
      const res = await fetch(HOST_URL);
      if (!res.ok) throw new Error(`The in-container host could not be loaded (${res.status})`);
      return res.text();
    },
    unavailable: () => (globalThis.crossOriginIsolated ? null : 'the page is not cross-origin isolated (it needs the COOP and COEP headers)'),
  });
}
