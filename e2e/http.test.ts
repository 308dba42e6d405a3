import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';
import { project } from './support/projects';

const handlerJs = `
exports.echo = async (event) => ({
  statusCode: 201,
  headers: { 'content-type': 'application/json', 'x-echo': 'yes' },
  body: JSON.stringify({ method: event.requestContext.http.method, received: JSON.parse(event.body) }),
});
exports.user = async (event) => ({ statusCode: 200, body: 'user=' + event.pathParameters.id });
`;

const files = project('http-e2e', {
  echo: { handler: 'handler.echo', routes: ['POST /echo'] },
  user: { handler: 'handler.user', routes: ['GET /users/{id}'] },
}, handlerJs);

test.describe('the API gateway', () => {
  test.beforeEach(async ({ page }) => {
    await new Workbench(page).openProject(files, 'handler.js');
  });

  test('a POST with a JSON body is echoed back with status and headers', async ({ page }) => {
    const wb = new Workbench(page);
    // As on AWS, a body without a text content-type would reach the handler base64-encoded.
    await wb.send({ method: 'POST', path: '/echo', headers: { 'Content-Type': 'application/json' }, body: '{"greeting":"hi","n":42}' });
    expect(await wb.responseStatus()).toBe(201);
    await expect(wb.response).toContainText(/content-type\s*:?\s*application\/json/i);
    await expect(wb.response).toContainText(/x-echo\s*:?\s*yes/i);
    await expect(wb.response).toContainText(/"method":\s*"POST"/);
    await expect(wb.response).toContainText(/"greeting":\s*"hi"/);
    await expect(wb.response).toContainText(/"n":\s*42/);
  });

  test('a path parameter reaches the handler', async ({ page }) => {
    const wb = new Workbench(page);
    await wb.send({ path: '/users/u-1234' });
    expect(await wb.responseStatus()).toBe(200);
    await expect(wb.response).toContainText('user=u-1234');
  });

  test('an unknown route is a 404 Not Found', async ({ page }) => {
    const wb = new Workbench(page);
    await wb.send({ path: '/nowhere' });
    expect(await wb.responseStatus()).toBe(404);
    await expect(wb.response).toContainText(/\{\s*"message":\s*"Not Found"\s*\}/);
  });
});
