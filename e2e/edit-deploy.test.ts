import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';
import { marker, project } from './support/projects';

const handler = (word: string) => `exports.word = async () => ({ statusCode: 200, body: '${word}' });\n`;

test('an edit + save changes the answer, and a reload keeps the edit', async ({ page }) => {
  const [before, after] = [marker('before'), marker('after')];
  const wb = new Workbench(page);
  await wb.openProject(project('edit-e2e', { word: { handler: 'handler.word', routes: ['GET /word'] } }, handler(before)), 'handler.js');

  await wb.send({ path: '/word' });
  await expect(wb.response).toContainText(before);

  await wb.editFile('handler.js', handler(after));
  await wb.send({ path: '/word' });
  expect(await wb.responseStatus()).toBe(200);
  await expect(wb.response).toContainText(after);
  await expect(wb.response).not.toContainText(before);

  // A full load without the share fragment: the workspace must come back from IndexedDB, edits included.
  await page.goto('/');
  await wb.expectReady();
  await wb.openFile('handler.js');
  await expect.poll(() => wb.editorText()).toContain(after);
  await wb.send({ path: '/word' });
  await expect(wb.response).toContainText(after);
  expect(await wb.version()).not.toBeNull();
});
