/**
 * The part of the WebContainer interface (`@webcontainer/api` 1.x) the engine uses, so that the engine runs against a
 * real WebContainer in the page and against node-container.ts (child processes in a temporary directory) under Node.
 */

/** `@webcontainer/api`'s FileSystemTree. */
export interface FileTree {
  [name: string]: { file: { contents: string | Uint8Array } } | { directory: FileTree };
}

/** A spawned process: stdin, stdout and stderr together (as a WebContainer gives them), its exit code, and kill. */
export interface ContainerProcess {
  input: WritableStream<string>;
  output: ReadableStream<string>;
  exit: Promise<number>;
  kill(): void;
}

export interface ContainerLike {
  /** The absolute path files are mounted under ('/home/project' in a WebContainer). */
  readonly workdir: string;
  /** Writes a tree of files under `mountPoint` (relative to workdir; the workdir itself by default). */
  mount(tree: FileTree, options?: { mountPoint?: string }): Promise<void>;
  spawn(command: string, args: string[], options?: { cwd?: string; env?: Record<string, string> }): Promise<ContainerProcess>;
}
