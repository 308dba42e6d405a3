#!/usr/bin/env node
/**
 * `npm run bench`: the playground's benchmarks against the production build in headless Chromium (Debian's
 * /usr/bin/chromium). Prints progress lines, then ends with exactly one line of JSON: {"bench": {...}} (CONTRACTS.md §5).
 *
 *   node scripts/bench.mjs                  starts `next start` on a free port (needs `npm run build` first)
 *   node scripts/bench.mjs --url http://127.0.0.1:3000   uses a server that is already running
 *   node scripts/bench.mjs --quick          fewer samples, for a dry run (figures not for publishing)
 *
 * Figures measured here, from outside the page: page_ready_ms, initial_js_kb_gzip, html_js_kb_gzip, redeploy_ms.
 * Under Node (scripts/node-bench): virtual_events_per_s, host_cold_start_ms and host_warm_invoke_p50_ms.
 * The others come from the in-page runner at /bench (components/bench/bench-suite.ts says how each is taken).
 */
/* global fetch, document, window, location, performance, MutationObserver, DOMParser, setInterval, clearInterval -- page-side functions run in Chromium */
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update'];
const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const urlArg = argv.includes('--url') ? argv[argv.indexOf('--url') + 1] : process.env.BENCH_URL;
const PAGE_READY_RUNS = QUICK ? 3 : 5;
const REDEPLOY_RUNS = QUICK ? 3 : 7;
const IN_PAGE = QUICK ? 'warm=1000&cold=5&seconds=1&redeploys=3&messages=5000' : 'warm=5000&cold=15&seconds=3&redeploys=10&messages=20000';

const log = (line) => console.log(`bench: ${line}`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length / 2) - 1];
const round = (n, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function startServer() {
  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    console.error('bench: no production build in .next/ — run `npm run build` first (or pass --url of a running server).');
    process.exit(2);
  }
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return { url, stop: () => child.kill('SIGTERM') };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error('next start did not answer within 30 s');
}

/** The share link of CONTRACTS.md §3 for a hello project whose answer ends with `tag`. */
function helloLink(tag) {
  const files = { 'serverless.yml': 'service: bench\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  hello:\n    handler: handler.hello\n    events:\n      - httpApi: \'GET /hello\'\n', 'handler.js': helloJs(tag) };
  return `/#project=${zlib.deflateRawSync(Buffer.from(JSON.stringify({ v: 1, files, open: 'handler.js' }))).toString('base64url')}`;
}
function helloJs(tag) {
  return `exports.hello = async (event) => ({ statusCode: 200, body: 'Hello, ' + ((event.queryStringParameters || {}).name || 'world') + '! ${tag}' });\n`;
}

/** Runs in the page before any of its scripts: notes performance.now() (ms since navigation start) when Deployment first reads Ready. */
function readyProbe() {
  const isReady = () => [...document.querySelectorAll('[role="status"]')].some((el) => {
    const byId = el.getAttribute('aria-labelledby');
    const name = el.getAttribute('aria-label') ?? (byId ? document.getElementById(byId)?.textContent : null);
    return name?.trim() === 'Deployment' && /\bReady\b/.test(el.textContent ?? '');
  });
  const check = () => {
    if (window.__readyAt !== undefined || !isReady()) return;
    window.__readyAt = performance.now();
    window.__scriptsAtReady = performance.getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.endsWith('.js'))
      .map((e) => e.name);
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

/**
 * page_ready_ms: navigation start to the Deployment status first reading Ready, in a fresh context (empty cache, no
 * saved workspace: the example project), median of several runs.
 * initial_js_kb_gzip: the JavaScript the page needs before the editor: every .js file of the page whose download had
 * finished (a Resource Timing entry exists) when Deployment first read Ready, each gzipped at zlib's default level 6
 * (what `next start` sends), summed, in KiB. The workbench fetches Monaco only once the first deploy has settled, so
 * Monaco's chunks fall outside it by design; if they ever load earlier, they count. html_js_kb_gzip: the same for the
 * <script src> the HTML itself references, nomodule polyfills left out (what Next.js used to print as First Load JS).
 */
async function pageReady(browser, base) {
  const runs = [];
  let scripts = [];
  let htmlScripts = [];
  for (let i = 0; i < PAGE_READY_RUNS; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.addInitScript(readyProbe);
    await page.goto(`${base}/`);
    await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 30_000 });
    runs.push(await page.evaluate(() => window.__readyAt));
    if (i === 0) {
      scripts = await page.evaluate(() => window.__scriptsAtReady);
      htmlScripts = await page.evaluate(async () => {
        const html = await (await fetch(location.pathname)).text();
        // nomodule scripts (legacy polyfills) are never fetched by a modern browser.
        return [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('script[src]:not([nomodule])')].map((s) => new URL(s.getAttribute('src'), location.href).href);
      });
    }
    log(`page ready run ${i + 1}/${PAGE_READY_RUNS}: ${runs[i].toFixed(1)} ms`);
    await ctx.close();
  }
  const gz = async (urls) => {
    let bytes = 0;
    for (const url of new Set(urls)) bytes += zlib.gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
    return round(bytes / 1024, 1);
  };
  const initial = await gz(scripts);
  const html = await gz(htmlScripts);
  log(`initial JS: ${scripts.length} scripts before Ready, ${initial} KiB gzip (${htmlScripts.length} in the HTML, ${html} KiB)`);
  return { page_ready_ms: round(median(runs), 1), initial_js_kb_gzip: initial, html_js_kb_gzip: html };
}

/**
 * redeploy_ms: in the workbench, from the Ctrl+S keydown to the first response from the new code: as soon as the
 * Deployment status reads the next version Ready, the page clicks Send itself, and the clock stops when the Response
 * panel shows the new code's answer. All times are taken in the page (performance.now(), 0.1 ms steps). Median of
 * several edits (the edit itself is typed before the clock starts).
 */
async function redeploy(browser, base) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  // Registered before the page's own scripts, so it runs before the workbench's Ctrl+S handler (which may finish the
  // whole deploy within that same keydown dispatch).
  await page.addInitScript(() => {
    window.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') window.__saveAt = performance.now();
    }, { capture: true });
  });
  await page.goto(`${base}${helloLink('v0')}`);
  const status = page.getByRole('status', { name: 'Deployment', exact: true });
  await status.filter({ hasText: /\bReady\b/ }).waitFor({ timeout: 30_000 });
  await page.getByRole('textbox', { name: 'Path', exact: true }).fill('/hello?name=Ada');
  const response = page.getByRole('region', { name: 'Response', exact: true });
  if (!(await response.isVisible())) await page.getByRole('tab', { name: 'Response', exact: true }).click();
  const editor = page.getByTestId('editor').locator('.view-lines');
  await editor.waitFor({ timeout: 30_000 });
  const samples = [];
  const versionNow = async () => Number(/\bv(\d+)/.exec((await status.textContent()) ?? '')?.[1] ?? NaN);
  for (let i = 1, attempts = 0; i <= REDEPLOY_RUNS && attempts < REDEPLOY_RUNS * 3; attempts++) {
    const tag = `v${i}-${Date.now()}`;
    const before = await versionNow();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(helloJs(tag));
    const handles = [await status.elementHandle(), await response.elementHandle(), await page.getByRole('button', { name: 'Send', exact: true }).elementHandle()];
    const done = page.evaluate(([statusEl, responseEl, sendEl, tag, before]) => new Promise((resolve, reject) => {
      const version = () => Number(/\bv(\d+)/.exec(statusEl.textContent ?? '')?.[1] ?? NaN);
      window.__saveAt = undefined;
      let ready = null;
      const check = () => {
        const save = window.__saveAt;
        if (save === undefined) return;
        if (ready === null && version() > before && /\bReady\b/.test(statusEl.textContent ?? '')) {
          ready = performance.now();
          sendEl.click();
        }
        if (ready !== null && (responseEl.textContent ?? '').includes(tag)) {
          mo.disconnect();
          clearInterval(poll);
          resolve({ ready: ready - save, response: performance.now() - save });
        }
      };
      const mo = new MutationObserver(check);
      mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      const poll = setInterval(check, 1);
      setTimeout(() => reject(new Error(`no response from ${tag} within 15 s`)), 15_000);
    }), [...handles, tag, before]);
    // On a slow run the typing pause can deploy the edit before Ctrl+S does: that sample times nothing, so take another.
    const early = (await versionNow()) > before;
    await page.keyboard.press('ControlOrMeta+S');
    const t = await done;
    if (early || t.ready < 0) {
      log(`redeploy: the edit deployed on the typing pause before Ctrl+S; sample skipped`);
      await page.waitForTimeout(300);
      continue;
    }
    samples.push(t.response);
    log(`redeploy ${i}/${REDEPLOY_RUNS}: Ready after ${t.ready.toFixed(1)} ms, first new response after ${t.response.toFixed(1)} ms`);
    i++;
    await page.waitForTimeout(300);
  }
  await ctx.close();
  return { redeploy_ms: round(median(samples), 1) };
}

/** The in-page figures: /bench runs components/bench/bench-suite.ts and writes its JSON into [data-testid=bench-result]. */
async function inPage(browser, base) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${base}/bench?${IN_PAGE}`);
  await page.getByRole('button', { name: 'Run benchmarks' }).click();
  const result = page.getByTestId('bench-result');
  const progress = page.getByRole('list', { name: 'Progress' }).getByRole('listitem');
  let printed = 0;
  const deadline = Date.now() + 10 * 60_000;
  while (!(await result.innerText()).trim()) {
    if (Date.now() > deadline) throw new Error('the in-page benchmarks did not finish within 10 minutes');
    const lines = await progress.allInnerTexts();
    for (; printed < lines.length; printed++) log(lines[printed]);
    await page.waitForTimeout(250);
  }
  for (const line of (await progress.allInnerTexts()).slice(printed)) log(line);
  const figures = JSON.parse(await result.innerText());
  await ctx.close();
  if (figures.error) throw new Error(`in-page benchmarks failed: ${figures.error}`);
  return figures;
}

/**
 * The Node figures (scripts/node-bench/*.node-bench.ts, run by Vitest so they import the TypeScript runtime as is):
 * virtual_events_per_s, and the WebContainer engine's host figures. Run before the browser starts, so the two do not
 * compete for the CPU.
 */
async function nodeFigures() {
  const out = path.join(os.tmpdir(), `bench-node-${process.pid}.json`);
  const env = { ...process.env, BENCH_OUT: out, ...(QUICK ? { BENCH_MINUTES: '240', BENCH_HOST_COLD: '5', BENCH_HOST_WARM: '500' } : {}) };
  const vitest = path.join(ROOT, 'node_modules/vitest/vitest.mjs');
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, 'run', '--config', 'scripts/node-bench/vitest.config.mts'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', resolve);
  });
  if (code !== 0 || !existsSync(out)) throw new Error(`node benchmarks exited with code ${code}`);
  const figures = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  log(`virtual events: ${figures.virtual_events} in ${figures.virtual_wall_s} s (${figures.virtual_events_per_s}/s)`);
  log(`in-container host: cold start ${figures.host_cold_start_ms} ms, warm round trip p50 ${figures.host_warm_invoke_p50_ms} ms`);
  return figures;
}

async function main() {
  const bench = {};
  let failed = false;
  try {
    Object.assign(bench, await nodeFigures());
  } catch (e) {
    failed = true;
    log(`node FAILED: ${e instanceof Error ? e.message : e}`);
  }
  const server = urlArg ? { url: urlArg.replace(/\/$/, ''), stop: () => {} } : await startServer();
  log(`server ${server.url}${QUICK ? ' (quick run: few samples)' : ''}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    for (const [name, step] of [['page ready', pageReady], ['in-page', inPage], ['redeploy', redeploy]]) {
      try {
        Object.assign(bench, await step(browser, server.url));
      } catch (e) {
        failed = true;
        log(`${name} FAILED: ${e instanceof Error ? e.message : e}`);
      }
    }
  } finally {
    await browser.close();
    server.stop();
  }
  console.log(JSON.stringify({ bench }));
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(`bench: ${e instanceof Error ? e.stack : e}`);
  console.log(JSON.stringify({ bench: {} }));
  process.exit(1);
});
