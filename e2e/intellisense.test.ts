import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';
import { manifest } from './support/projects';

/** Monaco is served by the site itself and knows the Lambda types from @types/aws-lambda (no CDN, offline). */
const files = {
  'serverless.yml': manifest('types-e2e', { typed: { handler: 'typed.main', routes: ['GET /typed'] } }),
  'typed.ts': `import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

export const main = async (event: APIGatewayProxyEventV2, context: Context) => {
  return { statusCode: 200, body: event.rawPath };
};
`,
};

test('a TypeScript handler completes API Gateway event fields and flags a wrong one', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const wb = new Workbench(page);
  await wb.openProject(files, 'typed.ts');
  await wb.openFile('typed.ts');

  // Go to the end of line 4 ("  return …;"), open a new line and ask for members of `event.`.
  await wb.editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('const q = event.');
  await page.keyboard.press('Control+Space');
  const suggest = wb.editor.locator('.suggest-widget');
  await expect(suggest).toBeVisible({ timeout: 30_000 });
  await expect(suggest).toContainText('rawQueryString', { timeout: 30_000 });
  await expect(suggest).toContainText('requestContext');
  await page.keyboard.press('Escape');

  // A field that APIGatewayProxyEventV2 does not have is an error squiggle on that line (the types really loaded).
  await page.keyboard.insertText('notAField;');
  await expect.poll(() => wb.errorMarkerLines(), { timeout: 30_000 }).toContain(5);
  expect(await wb.errorMarkerLines()).not.toContain(1); // 'aws-lambda' resolves

  expect(requests.filter((u) => !u.startsWith('http://127.0.0.1') && !u.startsWith('http://localhost') && !u.startsWith('blob:') && !u.startsWith('data:') && !u.startsWith('about:'))).toEqual([]);
});
