import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';
import { manifest } from './support/projects';

/** Issue 3's schedule slice: a `schedule:` event is a source in Events, fires by hand, and fires on fast-forward. */
const files = {
  'serverless.yml': manifest('schedule-e2e', { tick: { handler: 'handler.tick' } }).replace(
    '    handler: handler.tick\n',
    "    handler: handler.tick\n    events:\n      - schedule: rate(5 minutes)\n",
  ),
  'handler.js': `exports.tick = async (event) => {
  console.log('tick from ' + event.source + ' (' + event['detail-type'] + ') at ' + event.time + ' by ' + (event.by || 'the clock') + ', Date says ' + new Date().toISOString());
};
`,
};

test('a schedule fires from its Fire button and twelve times in a fast-forwarded hour', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.openProject(files, 'handler.js');
  await page.getByRole('tab', { name: 'Events', exact: true }).click();
  const events = page.getByRole('region', { name: 'Events', exact: true });
  const group = events.getByRole('group', { name: 'schedule: tick', exact: true });
  await expect(group).toContainText('rate(5 minutes)');

  await group.getByRole('textbox', { name: 'Payload' }).fill('{"source":"aws.events","detail-type":"Scheduled Event","time":"now","by":"hand"}');
  await group.getByRole('button', { name: 'Fire', exact: true }).click();
  await expect(wb.logs).toContainText('tick from aws.events (Scheduled Event) at now by hand');

  const countTicks = async () => (await wb.logLines()).filter((l) => l.includes('by the clock')).length;
  expect(await countTicks()).toBe(0);
  await page.getByRole('group', { name: 'Clock' }).getByRole('button', { name: /^Fast-forward/ }).click();
  await expect.poll(countTicks, { timeout: 20_000 }).toBe(12);

  // Inside the function, Date follows the fast-forwarded clock: the last tick's own time is the minute it fired at.
  const last = (await wb.logLines()).filter((l) => l.includes('by the clock')).at(-1)!;
  const [, fired, seen] = /at (\S+) by the clock, Date says (\S+)/.exec(last)!;
  expect(seen.slice(0, 16)).toBe(fired.slice(0, 16));
});
