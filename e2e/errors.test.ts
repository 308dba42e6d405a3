import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';
import { manifest, marker, project } from './support/projects';

const INTERNAL_ERROR = /\{\s*"message":\s*"Internal Server Error"\s*\}/;

test('a handler that throws answers 500 and logs errorType, errorMessage and the stack', async ({ page }) => {
  const handlerJs = `
function explode(what) { throw new TypeError('kaboom: ' + what); }
exports.boom = async () => { explode('disk'); return { statusCode: 200, body: 'unreachable' }; };
`;
  const wb = new Workbench(page);
  await wb.openProject(project('throw-e2e', { boom: { handler: 'handler.boom', routes: ['GET /boom'] } }, handlerJs));

  await wb.send({ path: '/boom' });
  expect(await wb.responseStatus()).toBe(500);
  await expect(wb.response).toContainText(INTERNAL_ERROR);
  await expect(wb.response).not.toContainText('unreachable');

  await wb.reportLines(1);
  const logs = (await wb.logLines()).join('\n');
  expect(logs).toMatch(/"errorType":\s*"TypeError"/);
  expect(logs).toMatch(/"errorMessage":\s*"kaboom: disk"/);
  expect(logs).toMatch(/\bat explode\b/);
});

test('a handler stuck in while(true) times out after 1 s, and the next request works', async ({ page }) => {
  const alive = marker('alive');
  const handlerJs = `
exports.spin = async (event) => {
  if (event.queryStringParameters && event.queryStringParameters.spin) { while (true) {} }
  return { statusCode: 200, body: '${alive}' };
};
`;
  const wb = new Workbench(page);
  await wb.openProject(project('timeout-e2e', { spin: { handler: 'handler.spin', routes: ['GET /spin'], timeout: 1 } }, handlerJs));

  await wb.send({ path: '/spin?spin=1' });
  expect(await wb.responseStatus()).toBe(500);
  await expect(wb.response).toContainText(INTERNAL_ERROR);
  await expect.poll(async () => (await wb.logLines()).join('\n')).toContain('Task timed out after 1.00 seconds');

  await wb.send({ path: '/spin' });
  expect(await wb.responseStatus()).toBe(200);
  await expect(wb.response).toContainText(alive);
});

test('an invalid serverless.yml is marked at its line and the previous version keeps answering', async ({ page }) => {
  const word = marker('still-v1');
  const functions = { word: { handler: 'handler.word', routes: ['GET /word'] } };
  const good = manifest('yaml-e2e', functions);
  const wb = new Workbench(page);
  // The answer echoes the query string, so each request's response differs from the last one.
  const handlerJs = `exports.word = async (event) => ({ statusCode: 200, body: '${word} ' + event.rawQueryString });\n`;
  await wb.openProject(project('yaml-e2e', functions, handlerJs), 'serverless.yml');
  await wb.send({ path: '/word?try=0' });
  await expect(wb.response).toContainText(`${word} try=0`);

  // Bad indentation: `events:` one column left of `handler:` (line 8).
  const badIndent = good.replace('    events:', '   events:');
  expect(badIndent.split('\n')[7]).toBe('   events:');
  await wb.writeFile('serverless.yml', badIndent);
  await expect(wb.deployment).toContainText(/serverless\.yml(:| line )8\b/);
  await expect(wb.deployment).not.toContainText(/\bReady\b/);
  await expect.poll(() => wb.errorMarkerLines()).toContain(8);
  await wb.send({ path: '/word?try=1' });
  expect(await wb.responseStatus()).toBe(200);
  await expect(wb.response).toContainText(`${word} try=1`);

  // Valid YAML, invalid value: a timeout that is not a number of seconds (line 7).
  const badTimeout = good.replace('    handler: handler.word\n', '    timeout: soon\n    handler: handler.word\n');
  expect(badTimeout.split('\n')[6]).toBe('    timeout: soon');
  await wb.replaceEditorText(badTimeout);
  await wb.save();
  await expect(wb.deployment).toContainText(/serverless\.yml(:| line )7\b/);
  await expect(wb.deployment).not.toContainText(/\bReady\b/);
  await expect.poll(() => wb.errorMarkerLines()).toEqual([7]);
  await wb.send({ path: '/word?try=2' });
  await expect(wb.response).toContainText(`${word} try=2`);
});
