import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';

/**
 * The founding documents' scenario: a file uploaded to a bucket triggers a function that looks up the object's size
 * (HeadObject through the AWS SDK) and returns it; and an SDK PutObject from an HTTP function lands in the bucket view
 * and fires the bucket's function in turn.
 */
const files = {
  'serverless.yml': `service: uploads-e2e
provider:
  name: aws
  runtime: nodejs20.x
  environment:
    BUCKET: uploads-e2e-bucket
functions:
  size:
    handler: handler.size
    events:
      - s3:
          bucket: uploads-e2e-bucket
          event: s3:ObjectCreated:*
  save:
    handler: handler.save
    events:
      - httpApi: 'POST /notes/{name}'
`,
  'handler.js': `const { S3Client, HeadObjectCommand, PutObjectCommand } = require('@aws-sdk/client-s3');
const s3 = new S3Client({});

exports.size = async (event) => {
  const record = event.Records[0];
  const key = decodeURIComponent(record.s3.object.key.replace(/\\+/g, ' '));
  const head = await s3.send(new HeadObjectCommand({ Bucket: record.s3.bucket.name, Key: key }));
  console.log('uploaded ' + key + ' is ' + head.ContentLength + ' bytes (' + record.eventName + ')');
  return { statusCode: 200, body: JSON.stringify({ file_key: key, file_size: head.ContentLength }) };
};

exports.save = async (event) => {
  const key = 'notes/' + event.pathParameters.name + '.txt';
  await s3.send(new PutObjectCommand({ Bucket: process.env.BUCKET, Key: key, Body: event.body, ContentType: 'text/plain' }));
  return { statusCode: 201, body: JSON.stringify({ saved: key }) };
};
`,
};

test('uploading a file to a bucket runs its function, which logs the key and size', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.openProject(files, 'handler.js');
  await page.getByRole('tab', { name: 'Events', exact: true }).click();
  const group = page.getByRole('region', { name: 'Events', exact: true }).getByRole('group', { name: 'bucket: uploads-e2e-bucket', exact: true });
  await group.getByRole('textbox', { name: 'Key' }).fill('photos/cat picture.txt');
  await group.getByLabel('File', { exact: true }).setInputFiles({ name: 'cat.txt', mimeType: 'text/plain', buffer: Buffer.from('meow meow meow!') });
  await expect(wb.logs).toContainText('uploaded photos/cat picture.txt is 15 bytes (ObjectCreated:Put)');

  await page.getByRole('tab', { name: 'Resources', exact: true }).click();
  const resources = page.getByRole('region', { name: 'Resources', exact: true });
  await expect(resources).toContainText('photos/cat picture.txt');
});

test('an SDK PutObject from an HTTP function shows in the bucket view and fires the bucket function', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.openProject(files, 'handler.js');
  await wb.send({ method: 'POST', path: '/notes/shopping', body: 'milk, eggs' });
  await expect(wb.response).toContainText('notes/shopping.txt');
  await expect(wb.logs).toContainText('uploaded notes/shopping.txt is 10 bytes (ObjectCreated:Put)');

  await page.getByRole('tab', { name: 'Resources', exact: true }).click();
  const resources = page.getByRole('region', { name: 'Resources', exact: true });
  await expect(resources).toContainText('notes/shopping.txt');

  // Objects survive a reload (IndexedDB), without firing the function again.
  await page.reload();
  await wb.expectReady();
  await page.getByRole('tab', { name: 'Resources', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Resources', exact: true })).toContainText('notes/shopping.txt');
});
