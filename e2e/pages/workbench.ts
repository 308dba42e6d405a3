/** Page object for the workbench at `/`: every control found by role and accessible name (CONTRACTS.md §4). */
import { expect, type Locator, type Page } from '@playwright/test';
import { projectUrl, type Files } from '../support/project-url';

export interface SendOptions {
  method?: string;
  /** Path with an optional query string. */
  path: string;
  body?: string;
  /** Added as new rows of the request's Headers group. */
  headers?: Record<string, string>;
}

export class Workbench {
  readonly files: Locator;
  readonly deployment: Locator;
  readonly editor: Locator;
  readonly method: Locator;
  readonly path: Locator;
  readonly body: Locator;
  readonly sendButton: Locator;
  readonly response: Locator;
  readonly invokePanel: Locator;
  readonly invokeFunction: Locator;
  readonly invokeEvent: Locator;
  readonly invokeButton: Locator;
  readonly logs: Locator;
  readonly events: Locator;
  readonly resources: Locator;

  constructor(readonly page: Page) {
    this.files = page.getByRole('navigation', { name: 'Files', exact: true })
      .or(page.getByRole('tree', { name: 'Files', exact: true })).first();
    this.deployment = page.getByRole('status', { name: 'Deployment', exact: true });
    this.editor = page.getByTestId('editor');
    this.method = page.getByRole('combobox', { name: 'Method', exact: true });
    this.path = page.getByRole('textbox', { name: 'Path', exact: true });
    this.body = page.getByRole('textbox', { name: 'Body', exact: true });
    this.sendButton = page.getByRole('button', { name: 'Send', exact: true });
    this.response = page.getByRole('region', { name: 'Response', exact: true });
    this.invokePanel = page.getByRole('region', { name: 'Invoke', exact: true });
    this.invokeFunction = this.invokePanel.getByRole('combobox', { name: 'Function', exact: true });
    this.invokeEvent = this.invokePanel.getByRole('textbox', { name: 'Event', exact: true });
    this.invokeButton = this.invokePanel.getByRole('button', { name: 'Invoke', exact: true });
    this.logs = page.getByRole('region', { name: 'Logs', exact: true });
    this.events = page.getByRole('region', { name: 'Events', exact: true });
    this.resources = page.getByRole('region', { name: 'Resources', exact: true });
  }

  /** Opens the workbench with no fragment (the saved workspace, or the example on a first visit) and waits for Ready. */
  async open(): Promise<void> {
    await this.page.goto('/');
    await this.expectReady();
  }

  /** Opens a project through a share link built in Node, and waits until it is deployed. */
  async openProject(files: Files, open?: string): Promise<void> {
    await this.load(projectUrl(files, open));
    await this.expectReady();
  }

  /**
   * A full page load of `url`. Going from `/` to `/#project=…` would only change the fragment (no load),
   * so a page that is already open is left for about:blank first.
   */
  async load(url: string): Promise<void> {
    if (this.page.url() !== 'about:blank') await this.page.goto('about:blank');
    await this.page.goto(url);
  }

  async expectReady(): Promise<void> {
    await expect(this.deployment).toContainText(/\bReady\b/, { timeout: 20_000 });
  }

  /** The deployed version the status shows (`v3 Ready` → 3), or null when it shows none. */
  async version(): Promise<number | null> {
    const m = /\bv(?:ersion\s*)?(\d+)\b/i.exec(await this.deployment.innerText());
    return m ? Number(m[1]) : null;
  }

  /** Brings a panel that lives behind a tab to the front (Logs | Response | Invoke …). */
  async show(panel: Locator, tabName: string): Promise<void> {
    if (await panel.isVisible()) return;
    await this.page.getByRole('tab', { name: tabName, exact: true }).click();
    await expect(panel).toBeVisible();
  }

  /**
   * A file in the `Files` tree, by its path. Items are named by their base name (a folder groups them), and an item
   * whose file has errors adds a badge to its name, so the name is matched from its start.
   */
  fileItem(path: string): Locator {
    const base = path.slice(path.lastIndexOf('/') + 1);
    const name = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
    return this.files.getByRole('treeitem', { name }).or(this.files.getByRole('button', { name })).first();
  }

  async openFile(name: string): Promise<void> {
    await this.fileItem(name).click();
    await expect(this.editor.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  }

  /**
   * Replaces a file's whole text in Monaco and saves (Ctrl+S), then waits for the next version to be Ready.
   * `insertText` types no keys, so Monaco's auto-closing brackets and auto-indent do not alter the text.
   */
  async editFile(name: string, text: string): Promise<number> {
    const before = (await this.version()) ?? 0;
    await this.openFile(name);
    await this.replaceEditorText(text);
    await this.save();
    await expect.poll(() => this.version(), { message: 'the saved edit deploys as a new version' }).toBeGreaterThan(before);
    await this.expectReady();
    return (await this.version())!;
  }

  /** Replaces a file's text and saves, without waiting for the outcome (for a change that must not deploy). */
  async writeFile(name: string, text: string): Promise<void> {
    await this.openFile(name);
    await this.replaceEditorText(text);
    await this.save();
  }

  async replaceEditorText(text: string): Promise<void> {
    await this.editor.locator('.view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.insertText(text);
  }

  async save(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+S');
  }

  /** The editor's visible text (Monaco renders non-breaking spaces; they are normalised). */
  async editorText(): Promise<string> {
    return (await this.editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
  }

  /**
   * Line numbers of the error squiggles Monaco draws (`.squiggly-error`), found by matching each squiggle's
   * vertical position against the gutter's line numbers. Only lines in view are seen.
   */
  async errorMarkerLines(): Promise<number[]> {
    return this.editor.evaluate((root) => {
      const gutter = [...root.querySelectorAll('.margin-view-overlays .line-numbers')].map((el) => {
        const r = el.getBoundingClientRect();
        return { line: Number(el.textContent?.trim()), top: r.top, bottom: r.bottom };
      });
      const lines = new Set<number>();
      for (const squiggle of root.querySelectorAll('.squiggly-error')) {
        const r = squiggle.getBoundingClientRect();
        const mid = (r.top + r.bottom) / 2;
        const hit = gutter.find((g) => mid >= g.top && mid < g.bottom);
        if (hit && Number.isFinite(hit.line)) lines.add(hit.line);
      }
      return [...lines].sort((a, b) => a - b);
    });
  }

  /** Sends an HTTP request from the request panel and waits until the Response panel shows a new response. */
  async send({ method = 'GET', path, body, headers = {} }: SendOptions): Promise<void> {
    await this.selectOption(this.method, method);
    await this.path.fill(path);
    for (const [name, value] of Object.entries(headers)) await this.addHeader(name, value);
    if (body !== undefined) await this.body.fill(body);
    await this.show(this.response, 'Response');
    const before = await this.responseStamp();
    await this.sendButton.click();
    await expect.poll(() => this.responseStamp(), { message: 'a new response arrives' }).not.toBe(before);
  }

  /** Adds a row to the request's `Headers` group (rows are named `Header <n> name` / `Header <n> value`). */
  async addHeader(name: string, value: string): Promise<void> {
    const group = this.page.getByRole('group', { name: /^Headers\b/ })
      .filter({ has: this.page.getByRole('button', { name: 'Add header', exact: true }) });
    const rows = await group.getByRole('textbox', { name: /^Header \d+ name$/ }).count();
    await group.getByRole('button', { name: 'Add header', exact: true }).click();
    await group.getByRole('textbox', { name: `Header ${rows + 1} name`, exact: true }).fill(name);
    await group.getByRole('textbox', { name: `Header ${rows + 1} value`, exact: true }).fill(value);
  }

  /** Something that changes with every response (its request id when the panel exposes one, else its whole text). */
  private async responseStamp(): Promise<string> {
    const id = await this.response.getAttribute('data-request-id');
    if (id !== null) return id;
    return (await this.response.innerText()).trim();
  }

  /** The status code the Response panel shows. */
  async responseStatus(): Promise<number | null> {
    const m = /\b([1-5]\d\d)\b/.exec(await this.response.innerText());
    return m ? Number(m[1]) : null;
  }

  /** Runs a direct invoke with the event text as typed (not necessarily valid JSON). */
  async invoke(functionName: string, eventText: string): Promise<void> {
    await this.show(this.invokePanel, 'Invoke');
    await this.selectOption(this.invokeFunction, functionName);
    await this.invokeEvent.fill(eventText);
    await this.invokeButton.click();
  }

  /** Lines of the Logs panel, oldest first. */
  async logLines(): Promise<string[]> {
    await this.show(this.logs, 'Logs');
    return (await this.logs.innerText()).split('\n').map((l) => l.trim()).filter(Boolean);
  }

  /** Waits for `count` REPORT lines and returns them, oldest first. */
  async reportLines(count: number): Promise<string[]> {
    await expect.poll(async () => (await this.logLines()).filter((l) => /REPORT RequestId:/.test(l)).length).toBeGreaterThanOrEqual(count);
    return (await this.logLines()).filter((l) => /REPORT RequestId:/.test(l));
  }

  /** An event source's group in `Events`, by its label ('bucket: uploads', 'queue: orders', 'schedule: hello'). */
  eventSource(label: string): Locator {
    return this.events.getByRole('group', { name: label, exact: true });
  }

  /** Fires a source from its group, with `payload` typed into its Payload box when given (else what it shows). */
  async fireSource(label: string, payload?: string): Promise<void> {
    await this.show(this.events, 'Events');
    const group = this.eventSource(label);
    if (payload !== undefined) await group.getByRole('textbox', { name: 'Payload', exact: true }).fill(payload);
    await group.getByRole('button', { name: 'Fire', exact: true }).click();
  }

  /** Uploads a file to a bucket through its group's File input, at `key` (the Key box's value when omitted). */
  async uploadToBucket(bucket: string, file: { name: string; body: string | Buffer; mimeType?: string }, key?: string): Promise<void> {
    await this.show(this.events, 'Events');
    const group = this.eventSource(`bucket: ${bucket}`);
    if (key !== undefined) await group.getByRole('textbox', { name: 'Key', exact: true }).fill(key);
    await group.getByLabel('File', { exact: true }).setInputFiles({
      name: file.name, mimeType: file.mimeType ?? 'text/plain', buffer: Buffer.isBuffer(file.body) ? file.body : Buffer.from(file.body),
    });
  }

  /** Brings the `Resources` region to the front. */
  async showResources(): Promise<void> {
    await this.show(this.resources, 'Resources');
  }

  /** A resource's group in `Resources`, by kind and name ('queue: orders-dlq', 'table: orders'). */
  resource(label: string): Locator {
    return this.resources.getByRole('group', { name: label, exact: true });
  }

  /** Empties every bucket, queue and table (Clear data, then its confirmation). */
  async clearData(): Promise<void> {
    await this.showResources();
    await this.resources.getByRole('button', { name: 'Clear data', exact: true }).click();
    await this.page.getByRole('dialog', { name: 'Clear all data?' }).getByRole('button', { name: 'Clear data', exact: true }).click();
  }

  /** Picks an option in a native <select> or an ARIA combobox with a listbox. */
  private async selectOption(box: Locator, value: string): Promise<void> {
    const tag = await box.evaluate((el) => el.tagName);
    if (tag === 'SELECT') {
      await box.selectOption(value);
      return;
    }
    await box.click();
    await this.page.getByRole('option', { name: value, exact: true }).click();
  }
}
