/**
 * What the Terminal panel shows: the WebContainers' own output as a terminal gives it (npm install's progress and
 * colours, the boot and its failure), kept as raw text so a panel opened later replays it. Bounded: the oldest text
 * goes first, cut at a line start so no escape sequence is split.
 */
export class TerminalBuffer {
  private chunks: string[] = [];
  private size = 0;
  /** Counts every chunk ever written: a reader asks for what came after the last one it saw. */
  seq = 0;

  constructor(private readonly maxChars = 200_000) {}

  write(chunk: string): void {
    if (!chunk) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
    this.seq++;
    while (this.size > this.maxChars && this.chunks.length > 1) this.size -= this.chunks.shift()!.length;
    if (this.size > this.maxChars) {
      const only = this.chunks[0];
      const cut = only.indexOf('\n', only.length - this.maxChars);
      this.chunks[0] = cut < 0 ? '' : only.slice(cut + 1);
      this.size = this.chunks[0].length;
    }
  }

  text(): string {
    return this.chunks.join('');
  }

  clear(): void {
    this.chunks = [];
    this.size = 0;
    this.seq++;
  }
}
