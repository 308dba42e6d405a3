import { expect, test, type Page } from '@playwright/test';
import { Workbench } from './pages/workbench';

/** The live architecture diagram: drawn from the project, lit by the events that flow, navigable, and safe. */
const diagram = (page: Page) => page.getByRole('region', { name: 'Architecture', exact: true });
const canvas = (page: Page) => page.locator('#architecture-canvas');

test('the example is drawn, a request lights its path and counts on the function, a click opens the file', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  const region = diagram(page);
  const fn = region.getByRole('button', { name: 'function hello: open handler.js' });
  await expect(fn).toBeVisible();
  await expect(region.getByRole('button', { name: 'HTTP clients: open the Request panel' })).toBeVisible();
  await expect(region.getByRole('button', { name: 'HTTP API: open the Request panel' })).toBeVisible();
  await expect(region.getByRole('group', { name: /Architecture of/ })).toBeVisible();

  await wb.send({ path: '/hello?name=Ada' });
  // client → gateway → hello light up for a moment, and the function's badge counts the call.
  await expect(canvas(page).locator('path.flowchart-link.is-lit')).toHaveCount(2);
  await expect(fn.locator('.diagram-badge')).toHaveText(/^1 call · 1 warm$/);
  await expect(canvas(page).locator('path.flowchart-link.is-lit')).toHaveCount(0);

  await wb.openFile('serverless.yml');
  await fn.click();
  await expect(page.getByRole('tab', { name: /handler\.js/, selected: true })).toBeVisible();
  // The keyboard reaches the nodes too: Enter on the gateway opens the Request panel.
  await region.getByRole('button', { name: 'HTTP API: open the Request panel' }).focus();
  await page.keyboard.press('Enter');
  await expect(wb.path).toBeFocused();

  // For a projector: the diagram over the whole window, and back with Esc.
  const expand = region.getByRole('button', { name: 'Expand' });
  await expand.click();
  const box = await region.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box!.width).toBeGreaterThan(viewport.width * 0.9);
  await page.keyboard.press('Escape');
  await expect(region.getByRole('button', { name: 'Expand' })).toHaveAttribute('aria-pressed', 'false');
  expect((await region.boundingBox())!.width).toBeLessThan(viewport.width * 0.5);

  // Out of the playground: the drawing as SVG and PNG files.
  for (const [button, file] of [['Download SVG', 'hello-playground-architecture.svg'], ['Download PNG', 'hello-playground-architecture.png']]) {
    const download = page.waitForEvent('download');
    await region.getByRole('button', { name: button }).click();
    expect((await download).suggestedFilename()).toBe(file);
  }
});

test('a failing function turns red, and an SDK call draws a dashed edge to the bucket', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.openProject({
    'serverless.yml': `service: arch-e2e
provider:
  name: aws
  runtime: nodejs20.x
functions:
  save:
    handler: handler.save
    events:
      - httpApi: 'POST /save'
  boom:
    handler: handler.boom
    events:
      - httpApi: 'GET /boom'
resources:
  Resources:
    Notes:
      Type: AWS::S3::Bucket
      Properties: { BucketName: arch-notes }
`,
    'handler.js': `const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
const s3 = new S3Client({});
exports.save = async () => {
  await s3.send(new PutObjectCommand({ Bucket: 'arch-notes', Key: 'a.txt', Body: 'hi' }));
  return { statusCode: 201 };
};
exports.boom = async () => { throw new Error('boom'); };
`,
  });
  const region = diagram(page);
  const bucket = region.getByRole('button', { name: 'bucket arch-notes: show in Resources' });
  await expect(bucket).toBeVisible();
  await expect(canvas(page).locator('path.flowchart-link[id$="e_fn_save__bucket_arch_notes_' + '"]')).toHaveCount(0);

  await wb.send({ method: 'GET', path: '/boom' });
  await expect(region.getByRole('button', { name: 'function boom: open handler.js' })).toHaveClass(/is-error/);

  await wb.send({ method: 'POST', path: '/save', body: '{}' });
  // The first PutObject reveals the dependency: the diagram is redrawn with a dashed edge save → bucket.
  await expect(canvas(page).locator('path.flowchart-link.edge-pattern-dotted')).toHaveCount(1);
  await bucket.click();
  await expect(wb.resources.getByRole('group', { name: 'bucket: arch-notes' })).toBeFocused();
});

test('hostile names from a shared project draw as text and run nothing', async ({ page }) => {
  const wb = new Workbench(page);
  const ran: string[] = [];
  await page.exposeFunction('__pwned', (what: string) => ran.push(String(what)));
  page.on('dialog', (d) => {
    ran.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  // Names the manifest accepts (AWS would refuse some; the playground must be safe whatever it lets through).
  const evil = `<img src=x onerror="window.__pwned(1)">"]%%{init: {'securityLevel': 'loose'}}%% classDef evil fill:red`;
  const yaml = (s: string) => `'${s.replace(/'/g, "''")}'`;
  await wb.openProject({
    'serverless.yml': `service: hostile
provider:
  name: aws
  runtime: nodejs20.x
functions:
  main:
    handler: handler.main
    environment: { TABLE: !Ref Table }
    events:
      - httpApi: 'GET /a/"]:::evil'
      - httpApi: 'GET /b/#quot;&lt;script&gt;'
      - eventBridge:
          eventBus: ${yaml(evil)}
          pattern: { source: [${yaml(evil)}] }
resources:
  Resources:
    Evil:
      Type: AWS::SQS::Queue
      Properties:
        QueueName: ${yaml(evil)}
    Table:
      Type: AWS::DynamoDB::Table
      Properties:
        TableName: ${yaml(evil)}
        AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
        KeySchema: [{ AttributeName: id, KeyType: HASH }]
`,
    'handler.js': `const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');
exports.main = async () => {
  await new DynamoDBClient({}).send(new PutItemCommand({ TableName: process.env.TABLE, Item: { id: { S: '1' } } }));
  return { statusCode: 200, body: 'ok' };
};`,
  });
  const region = diagram(page);
  await expect(region.getByRole('button', { name: 'function main: open handler.js' })).toBeVisible();
  // Every hostile name is a node of its own, showing its characters as text.
  for (const kind of ['queue', 'table', 'event bus']) {
    const node = region.getByRole('button', { name: `${kind} ${evil}: show in Resources` });
    await expect(node).toBeVisible();
    await expect(node).toContainText('<img src=x onerror=');
  }
  await expect(canvas(page).getByText('GET /a/"]:::evil, GET /b/#quot;&lt;script&gt;')).toBeVisible();
  await expect(canvas(page).locator('img, script, [onerror], [onclick]')).toHaveCount(0);
  await expect(canvas(page).locator('g.node.evil')).toHaveCount(0);

  // The trace of a request that writes to the hostile table names it as text too (DynamoDB refuses such a name: the
  // call fails, the function with it).
  await wb.send({ path: '/a/"]:::evil' });
  await expect(wb.response).toContainText('500');
  await wb.response.getByRole('button', { name: 'View trace' }).click();
  const trace = page.getByRole('region', { name: 'Trace', exact: true });
  await expect(trace.getByRole('heading')).toContainText('GET /a/"]:::evil → main');
  const sequence = trace.getByRole('group', { name: /^Sequence diagram of/ });
  // (Cut to 60 characters, as every name in a drawing.)
  await expect(sequence.getByText(`DynamoDB table ${evil.slice(0, 59)}…`, { exact: true }).first()).toBeVisible();
  await expect(sequence.getByText('PutItem', { exact: true })).toBeVisible();
  await expect(sequence.getByText('ValidationException', { exact: true })).toBeVisible();
  await expect(trace.locator('img, script, foreignObject, [onerror], [onclick]')).toHaveCount(0);

  // A name the manifest refuses (as AWS does) is an error at its line; the last drawing stays.
  await wb.openFile('serverless.yml');
  const text = await wb.editorText();
  await wb.replaceEditorText(text.replace('  main:\n', `  'x"]:::evil %%{init}%%':\n`));
  await wb.save();
  await expect(wb.deployment).toContainText("may only use letters, digits, '-' and '_'");
  await expect(region.getByRole('button', { name: 'function main: open handler.js' })).toBeVisible();
  await page.waitForTimeout(300);
  expect(ran).toEqual([]);
});
