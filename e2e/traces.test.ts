import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Workbench } from './pages/workbench';

/** The trace view: one request's path through functions and services as a Mermaid sequence diagram. */
const traces = (page: Page) => page.getByRole('region', { name: 'Traces', exact: true });
const detail = (page: Page) => traces(page).getByRole('region', { name: 'Trace', exact: true });

test('a request’s trace shows the functions and services it reached, and what those triggered', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.openProject({
    'serverless.yml': `service: trace-e2e
provider:
  name: aws
  runtime: nodejs20.x
functions:
  order:
    handler: handler.order
    events:
      - httpApi: 'POST /orders'
  receipt:
    handler: handler.receipt
    events:
      - s3: { bucket: trace-receipts, event: 's3:ObjectCreated:*' }
  ship:
    handler: handler.ship
    events:
      - sqs: { arn: !GetAtt Orders.Arn }
  boom:
    handler: handler.boom
    events:
      - httpApi: 'GET /boom'
resources:
  Resources:
    Orders:
      Type: AWS::SQS::Queue
      Properties: { QueueName: trace-orders }
`,
    'handler.js': `const { S3Client, PutObjectCommand, GetObjectCommand } = require('@aws-sdk/client-s3');
const { SQSClient, SendMessageCommand, GetQueueUrlCommand } = require('@aws-sdk/client-sqs');
const s3 = new S3Client({}), sqs = new SQSClient({});
exports.order = async () => {
  await s3.send(new PutObjectCommand({ Bucket: 'trace-receipts', Key: 'r1.txt', Body: 'paid' }));
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'trace-orders' }));
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'o1' }));
  try { await s3.send(new GetObjectCommand({ Bucket: 'trace-receipts', Key: 'missing' })); } catch {}
  return { statusCode: 201, body: 'ok' };
};
exports.receipt = async () => {};
exports.ship = async () => {};
exports.boom = async () => { throw new Error('boom'); };
`,
  });
  await wb.send({ method: 'POST', path: '/orders', body: '{}' });
  await expect(wb.response).toContainText('201');
  await wb.response.getByRole('button', { name: 'View trace' }).click();

  await expect(page.getByRole('tab', { name: 'Traces', selected: true })).toBeVisible();
  const list = traces(page).getByRole('listbox', { name: 'Recent traces' });
  await expect(list.getByRole('option', { selected: true })).toContainText('POST /orders');
  await expect(detail(page).getByRole('heading')).toContainText('POST /orders → order');
  // The whole path, once the notification and the queue's batch have run: order, receipt and ship, 3 invocations.
  await expect(list.getByRole('option', { selected: true })).toContainText('3 invocations · 1 error');
  const svg = detail(page).getByRole('group', { name: /Sequence diagram of POST \/orders/ });
  for (const text of ['Client', 'HTTP API', 'λ order', 'S3 bucket trace-receipts', 'SQS queue trace-orders', 'λ receipt', 'λ ship', 'PutObject', 'SendMessage', 'NoSuchKey']) {
    await expect(svg.getByText(text, { exact: true }).first()).toBeVisible();
  }

  // Another request: the newest trace comes first; the keyboard moves between them.
  await wb.send({ method: 'GET', path: '/boom' });
  await page.getByRole('tab', { name: 'Traces' }).click();
  await expect(list.getByRole('option').first()).toContainText('GET /boom');
  await list.focus();
  await page.keyboard.press('Home');
  await expect(list.getByRole('option', { selected: true })).toContainText('GET /boom');
  await expect(detail(page).getByRole('heading')).toContainText('500');
  await page.keyboard.press('ArrowDown');
  await expect(detail(page).getByRole('heading')).toContainText('POST /orders');

  // A REPORT line in the Logs opens its request's trace.
  await page.getByRole('tab', { name: 'Logs' }).click();
  await wb.logs.getByRole('button', { name: 'trace' }).last().click();
  await expect(page.getByRole('tab', { name: 'Traces', selected: true })).toBeVisible();
  await expect(detail(page).getByRole('heading')).toContainText('GET /boom');
  await list.focus();
  await page.keyboard.press('ArrowDown');
  await expect(detail(page).getByRole('heading')).toContainText('POST /orders');

  // For a projector: the trace over the whole window, and back with Esc.
  await detail(page).getByRole('button', { name: 'Expand' }).click();
  expect((await detail(page).boundingBox())!.width).toBeGreaterThan(page.viewportSize()!.width * 0.9);
  await page.keyboard.press('Escape');
  await expect(detail(page).getByRole('button', { name: 'Expand' })).toHaveAttribute('aria-pressed', 'false');

  const download = page.waitForEvent('download');
  await detail(page).getByRole('button', { name: 'Download SVG' }).click();
  expect((await download).suggestedFilename()).toMatch(/^trace-.+\.svg$/);
  // A file stands on its own: the names as text, on the page's background colour.
  const file = readFileSync(await (await download).path(), 'utf8');
  expect(file).toContain('λ order');
  expect(file).toMatch(/<svg[^>]*style="[^"]*background-color: rgb\(/);
});
