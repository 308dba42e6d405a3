import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';
import { projectUrl } from './support/project-url';

/**
 * Engine choice in the page. StackBlitz is unreachable here (as in CI), so WebContainers never start: `auto` falls back
 * to the embedded engine and says so, and npm dependencies are an error at package.json while the last version serves.
 */
test('auto falls back to the embedded engine with the reason; npm dependencies say why they cannot run here', async ({ page }) => {
  test.setTimeout(90_000);
  const wb = new Workbench(page);
  await wb.load(
    projectUrl({
      'serverless.yml': `service: engines
provider:
  name: aws
  runtime: nodejs20.x
functions:
  hello:
    handler: handler.hello
    events:
      - httpApi: 'GET /hello'
`,
      'handler.js': `exports.hello = async () => ({ statusCode: 200, body: 'hi from ' + (typeof process.release === 'object' ? process.release.name : 'the worker') });`,
      'package.json': '{\n  "name": "engines"\n}\n',
    }),
  );
  await wb.expectReady();
  // The Engine switch writes custom.playground.engine into serverless.yml and deploys: the boot is tried, shown as the
  // long step it is, and given up after its bound.
  await page.getByRole('combobox', { name: 'Engine' }).selectOption({ label: 'Engine: auto' });
  await expect(wb.deployment).toContainText('Starting WebContainers…', { timeout: 20_000 });
  await expect(wb.deployment).toContainText('v2 Ready · embedded (no WebContainers)', { timeout: 30_000 });
  await expect(wb.deployment).toHaveAttribute('title', /^Embedded engine: auto: WebContainers did not start within 15 s/);
  // The Terminal panel tells the boot's story.
  await page.getByRole('tab', { name: 'Terminal' }).click();
  const terminal = page.getByRole('region', { name: 'Terminal', exact: true });
  await expect(terminal.locator('.xterm-rows')).toContainText('Starting WebContainers (real Node.js)…');
  await expect(terminal.locator('.xterm-rows')).toContainText('✗ WebContainers did not start within 15 s');
  // Read-only, and no keyboard trap: Tab moves on from it.
  const output = terminal.getByRole('textbox', { name: 'Terminal output (read-only)' });
  await output.focus();
  await page.keyboard.press('Tab');
  await expect(output).not.toBeFocused();

  await wb.openFile('serverless.yml');
  expect(await wb.editorText()).toContain('custom:\n  playground:\n    engine: auto\nfunctions:');
  await wb.send({ path: '/hello' });
  await expect(wb.response).toContainText('200');

  // A dependency needs npm: an error at package.json's line, and version 2 keeps answering.
  await wb.writeFile('package.json', '{\n  "name": "engines",\n  "dependencies": { "left-pad": "^1.3.0" }\n}\n');
  await expect(wb.deployment).toContainText('package.json:3:1 package.json has dependencies (left-pad): installing them needs the WebContainer engine');
  await expect(wb.deployment).toContainText('v2 still serving');
  await wb.send({ path: '/hello' });
  await expect(wb.response).toContainText('200');
});
