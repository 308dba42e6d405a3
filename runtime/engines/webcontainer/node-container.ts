/**
 * A Node-backed stand-in for the part of the WebContainer interface the engine uses (container.ts): files in a
 * temporary directory, processes as child processes of this Node.js, stdout and stderr as one stream of text, as a
 * WebContainer gives them. StackBlitz's service is unreachable here and in CI, so the engine's tests and the host
 * benchmark run on this; only the real container's boot and its terminal are left unexercised. Node only: never
 * imported by the page.
 */
import { spawn as spawnChild, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ContainerLike, ContainerProcess, FileTree } from './container';

export class NodeContainer implements ContainerLike {
  readonly workdir: string;
  private readonly children = new Set<ChildProcessWithoutNullStreams>();

  constructor() {
    this.workdir = mkdtempSync(path.join(tmpdir(), 'playground-container-'));
  }

  async mount(tree: FileTree, options: { mountPoint?: string } = {}): Promise<void> {
    const write = (dir: string, t: FileTree) => {
      mkdirSync(dir, { recursive: true });
      for (const [name, node] of Object.entries(t)) {
        const at = path.join(dir, name);
        if ('directory' in node) write(at, node.directory);
        else writeFileSync(at, node.file.contents);
      }
    };
    write(path.join(this.workdir, options.mountPoint ?? ''), tree);
  }

  async spawn(command: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<ContainerProcess> {
    const child: ChildProcessWithoutNullStreams = spawnChild(command === 'node' ? process.execPath : command, args, {
      cwd: options.cwd ?? this.workdir,
      // A clean environment, as a container's: only what a Node process needs, and what the caller gives.
      env: { PATH: process.env.PATH ?? '', HOME: this.workdir, ...options.env } as unknown as NodeJS.ProcessEnv,
      stdio: 'pipe',
    });
    this.children.add(child);
    const exit = new Promise<number>((resolve) => child.on('close', (code: number | null) => {
      this.children.delete(child);
      resolve(code ?? -1);
    }));
    const output = new ReadableStream<string>({
      start(controller) {
        let open = 2;
        const end = () => --open === 0 && controller.close();
        for (const stream of [child.stdout, child.stderr]) {
          stream.setEncoding('utf8');
          stream.on('data', (chunk: string) => controller.enqueue(chunk));
          stream.on('end', end);
        }
      },
    });
    const input = new WritableStream<string>({
      write: (chunk) => new Promise<void>((resolve, reject) => {
        if (!child.stdin.writable) return reject(new Error('The process has exited'));
        child.stdin.write(chunk, (err) => (err ? reject(err) : resolve()));
      }),
    });
    child.stdin.on('error', () => {}); // a write racing the process's exit: the exit settles the instance
    return { input, output, exit, kill: () => void child.kill('SIGKILL') };
  }

  /** Kills what still runs and removes the directory. */
  dispose(): void {
    for (const c of this.children) c.kill('SIGKILL');
    rmSync(this.workdir, { recursive: true, force: true });
  }
}
