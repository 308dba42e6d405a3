import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';
import { manifest } from './support/projects';

/** The code shapes people write for Lambda, run by the embedded engine in the browser (not only in unit tests). */
const files = {
  'serverless.yml': manifest('formats-e2e', {
    esm: { handler: 'esm.handler', routes: ['GET /esm'] },
    ts: { handler: 'src/typed.main', routes: ['GET /ts/{name}'] },
    cb: { handler: 'callback.handler', routes: ['GET /cb'] },
  }).replace('  runtime: nodejs20.x\n', '  runtime: nodejs20.x\n  environment:\n    STAGE_NAME: playground\n'),
  'esm.mjs': `import config from './config.json';
import { shout } from './lib/shout.js';
export const handler = async () => ({ statusCode: 200, body: shout(config.word) + ' ' + process.env.STAGE_NAME });
`,
  'lib/shout.js': `export function shout(s) { return s.toUpperCase() + '!'; }\n`,
  'config.json': `{ "word": "modules" }\n`,
  'src/typed.ts': `import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
interface Greeting { text: string; at: number }
const count = { n: 0 }; // module scope: runs once per instance
export const main = async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyResultV2> => {
  count.n += 1;
  const g: Greeting = { text: \`typed \${event.pathParameters?.name}\`, at: context.getRemainingTimeInMillis() > 0 ? 1 : 0 };
  return { statusCode: 200, body: \`\${g.text} #\${count.n} \${context.functionName}\` };
};
`,
  'callback.js': `const helper = require('./lib/cjs-helper');
module.exports.handler = (event, context, callback) => {
  setTimeout(() => callback(null, { statusCode: 200, body: helper.tag('callback') }), 5);
};
`,
  'lib/cjs-helper.js': `exports.tag = (s) => '<' + s + '>';\n`,
};

test('ES modules with JSON and relative imports, TypeScript with module state, and the callback style all run', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.openProject(files, 'esm.mjs');

  await wb.send({ path: '/esm' });
  expect(await wb.responseStatus()).toBe(200);
  await expect(wb.response).toContainText('MODULES! playground');

  await wb.send({ path: '/ts/Ada' });
  await expect(wb.response).toContainText('typed Ada #1 formats-e2e-dev-ts');
  await wb.send({ path: '/ts/Grace' });
  await expect(wb.response).toContainText('typed Grace #2 formats-e2e-dev-ts'); // same warm instance, module scope kept

  await wb.send({ path: '/cb' });
  await expect(wb.response).toContainText('<callback>');
});
