import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';

test('the example answers GET /hello?name=Ada, with a cold start only on the first call', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();

  await wb.send({ method: 'GET', path: '/hello?name=Ada' });
  expect(await wb.responseStatus()).toBe(200);
  await expect(wb.response).toContainText('Hello, Ada!');

  const [first] = await wb.reportLines(1);
  const lines = await wb.logLines();
  expect(lines.some((l) => /START RequestId: \S+/.test(l))).toBe(true);
  expect(lines.some((l) => /END RequestId: \S+/.test(l))).toBe(true);
  expect(first).toMatch(/Duration: [\d.]+ ms\s+Billed Duration: \d+ ms\s+Memory Size: 1024 MB/);
  expect(first).toMatch(/Init Duration: [\d.]+ ms/);

  await wb.send({ method: 'GET', path: '/hello?name=Grace' });
  expect(await wb.responseStatus()).toBe(200);
  await expect(wb.response).toContainText('Hello, Grace!');
  const reports = await wb.reportLines(2);
  expect(reports).toHaveLength(2);
  expect(reports[1]).toMatch(/Billed Duration: \d+ ms/);
  expect(reports[1]).not.toContain('Init Duration');
});
