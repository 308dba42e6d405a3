import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';
import { deflateRawSync } from 'node:zlib';
import { marker, project } from './support/projects';

const linkProject = (word: string) => ({
  ...project('link-e2e', { word: { handler: 'src/word.word', routes: ['GET /word'] } }, '// unused\n'),
  'src/word.js': `exports.word = async () => ({ statusCode: 200, body: '${word}' });\n`,
});

const b64url = (buf: Buffer) => buf.toString('base64url');

test('a good link opens that project', async ({ page }) => {
  const word = marker('linked');
  const wb = new Workbench(page);
  await wb.openProject(linkProject(word), 'src/word.js');
  await expect(wb.files).toContainText('word.js');
  await expect(wb.files).toContainText('serverless.yml');
  await expect.poll(() => wb.editorText()).toContain(word);
  await wb.send({ path: '/word' });
  expect(await wb.responseStatus()).toBe(200);
  await expect(wb.response).toContainText(word);
});

const broken: Record<string, string> = {
  'not base64url': '%%%not-base64%%%',
  'not DEFLATE': b64url(Buffer.from('plain text, never compressed')),
  'not JSON': b64url(deflateRawSync(Buffer.from('{"v":1,"files":'))),
  'JSON without files': b64url(deflateRawSync(Buffer.from('{"v":1}'))),
};

for (const [kind, value] of Object.entries(broken)) {
  test(`a broken link (${kind}) shows an alert and leaves the workspace untouched`, async ({ page }) => {
    const word = marker('kept');
    const wb = new Workbench(page);
    await wb.openProject(linkProject(word), 'src/word.js');
    const filesBefore = await wb.files.innerText();

    await wb.load(`/#project=${value}`);
    // Filtered by text: Next.js's route announcer is also a role=alert element.
    await expect(page.getByRole('alert').filter({ hasText: /link|project/i })).toBeVisible();
    await wb.expectReady();
    expect(await wb.files.innerText()).toBe(filesBefore);
    await wb.send({ path: '/word' });
    await expect(wb.response).toContainText(word);
  });
}
