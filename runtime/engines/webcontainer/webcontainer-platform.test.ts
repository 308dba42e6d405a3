import { readFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { Platform } from '../../platform';
import { RealClock } from '../../clock';
import { NodeContainer } from './node-container';
import { WebContainerEngine } from './webcontainer-engine';

const HOST = readFileSync(new URL('./host/lambda-host.cjs', import.meta.url), 'utf8');
const container = new NodeContainer();
afterAll(() => container.dispose());

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

it('the whole platform on the WebContainer engine: a request, an SDK upload to a bucket, the bucket’s function, the logs', async () => {
  const platform = new Platform({ engine: new WebContainerEngine({ container: async () => container, hostSource: async () => HOST }), clock: new RealClock() });
  try {
    const deployed = await platform.deploy({
      'serverless.yml': `service: wc
provider:
  name: aws
  runtime: nodejs20.x
functions:
  save:
    handler: handler.save
    events:
      - httpApi: 'POST /notes'
  size:
    handler: handler.size
    events:
      - s3: { bucket: wc-notes, event: 's3:ObjectCreated:*' }
`,
      'handler.js': `const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
const s3 = new S3Client({});
exports.save = async (event) => {
  await s3.send(new PutObjectCommand({ Bucket: 'wc-notes', Key: 'a.txt', Body: event.body }));
  return { statusCode: 201, body: 'saved by node ' + process.version };
};
exports.size = async (event) => { console.log('stored', event.Records[0].s3.object.key, event.Records[0].s3.object.size); };
`,
    });
    expect(deployed.ok).toBe(true);
    const res = await platform.request({ method: 'POST', path: '/notes', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(res.response.statusCode).toBe(201);
    expect(res.response.body).toBe(`saved by node ${process.version}`);
    await until(() => platform.logs.all().some((l) => l.text.includes('stored a.txt 5')));
    const report = platform.logs.all().find((l) => l.kind === 'report' && l.functionName === 'save');
    expect(report?.text).toMatch(/Init Duration: [\d.]+ ms/); // a real process start
  } finally {
    platform.dispose();
  }
});
