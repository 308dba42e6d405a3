import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';
import { project } from './support/projects';

const files = project('invoke-e2e', {
  add: { handler: 'handler.add' },
  hello: { handler: 'handler.hello', routes: ['GET /hello'] },
}, `
exports.add = async (event, context) => ({ sum: event.a + event.b, fn: context.functionName });
exports.hello = async () => ({ statusCode: 200, body: 'hi' });
`);

test('a direct invoke with a JSON event shows the result', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.openProject(files, 'handler.js');
  await wb.invoke('add', '{"a": 2, "b": 40}');
  await expect(wb.invokePanel).toContainText(/"sum":\s*42/);
  // The deployed name, as the Serverless Framework names it: <service>-<stage>-<function> (stage dev by default).
  await expect(wb.invokePanel).toContainText(/"fn":\s*"invoke-e2e-dev-add"/);
  await wb.reportLines(1);
});

test('an invalid JSON event shows a clear error and invokes nothing', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.openProject(files, 'handler.js');
  await wb.invoke('add', '{"a": 2,');
  await expect(wb.invokePanel).toContainText(/(invalid|not valid)\s+JSON|JSON.*(invalid|error|unexpected)/i);
  await expect(wb.invokePanel).not.toContainText(/"sum"/);
  expect((await wb.logLines()).filter((l) => /START RequestId:/.test(l))).toEqual([]);
});
