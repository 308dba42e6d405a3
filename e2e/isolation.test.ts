import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';
import { findJson } from './support/find-json';
import { project } from './support/projects';

/** Tries every way out of the sandbox it can think of and returns what each one gave, without throwing. */
const probeJs = (dbNames: string[], secretKey: string) => `
const withTimeout = (p, ms) => Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error('no answer')), ms))]);
const readDb = (name) => new Promise((resolve, reject) => {
  const open = indexedDB.open(name);
  open.onerror = () => reject(open.error);
  open.onblocked = () => reject(new Error('blocked'));
  open.onsuccess = () => {
    const db = open.result;
    const stores = [...db.objectStoreNames];
    if (!stores.length) { db.close(); return resolve({ stores, rows: [] }); }
    const tx = db.transaction(stores, 'readonly');
    Promise.all(stores.map((s) => new Promise((res, rej) => { const r = tx.objectStore(s).getAll(); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); })))
      .then((rows) => { db.close(); resolve({ stores, rows }); }, reject);
  };
});
exports.probe = async () => {
  const out = {};
  const attempt = async (name, fn) => {
    try { out[name] = { ok: true, value: JSON.stringify(await withTimeout(Promise.resolve().then(fn), 1500)) ?? null }; }
    catch (e) { out[name] = { ok: false, error: String((e && e.name) || e) }; }
  };
  await attempt('origin', () => self.origin);
  await attempt('localStorage', () => localStorage.getItem(${JSON.stringify(secretKey)}));
  await attempt('sessionStorage', () => sessionStorage.length);
  await attempt('documentCookie', () => document.cookie);
  await attempt('parentDocument', () => parent.document.body.innerHTML);
  await attempt('selfParent', () => self.parent.localStorage.getItem(${JSON.stringify(secretKey)}));
  await attempt('top', () => top.localStorage.getItem(${JSON.stringify(secretKey)}));
  await attempt('globalThisParent', () => globalThis.parent.document.cookie);
  await attempt('databases', () => indexedDB.databases());
  for (const db of ${JSON.stringify(dbNames)}) await attempt('db:' + db, () => readDb(db));
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(out) };
};
`;

test("user code cannot read the page's localStorage or IndexedDB workspace", async ({ page }) => {
  const secret = `S3CRET-${Date.now()}`;
  const secretKey = 'e2e-secret';
  const wb = new Workbench(page);
  await wb.open();
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [secretKey, secret]);
  // The page's own IndexedDB workspace exists and holds data: that is what user code must not reach.
  const pageDbNames = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
  await expect.poll(pageDbNames).not.toEqual([]);
  const dbNames = await pageDbNames();

  await wb.openProject(project('isolation-e2e', { probe: { handler: 'handler.probe', routes: ['GET /probe'] } }, probeJs(dbNames, secretKey)));
  expect(await page.evaluate((k) => localStorage.getItem(k), secretKey)).toBe(secret);

  await wb.send({ path: '/probe' });
  expect(await wb.responseStatus()).toBe(200);
  const text = await wb.response.innerText();
  expect(text).not.toContain(secret);
  const got = findJson<Record<string, { ok: boolean; value?: string; error?: string }>>(text, 'origin');

  expect(got.origin).toEqual({ ok: true, value: '"null"' });
  for (const key of ['localStorage', 'sessionStorage', 'documentCookie', 'parentDocument', 'selfParent', 'top', 'globalThisParent']) {
    expect(got[key], key).toMatchObject({ ok: false });
  }
  // Either IndexedDB is refused outright, or it is a different (opaque) origin's, which sees none of the page's data.
  if (got.databases.ok) expect(JSON.parse(got.databases.value!)).toEqual([]);
  for (const name of dbNames) {
    const r = got[`db:${name}`];
    if (r.ok) expect(JSON.parse(r.value!)).toEqual({ stores: [], rows: [] });
  }
});
