import { expect, test } from '@playwright/test';
import { Workbench } from './pages/workbench';

/** A failing queue consumer: each receive fails, the message comes back after the visibility timeout, and after
 * maxReceiveCount receives SQS moves it to the dead-letter queue. The clock's fast-forward runs the retries. */
const files = {
  'serverless.yml': `service: dlq-e2e
provider:
  name: aws
  runtime: nodejs20.x
functions:
  charge:
    handler: handler.charge
    events:
      - sqs:
          arn: !GetAtt OrdersQueue.Arn
          batchSize: 1
resources:
  Resources:
    OrdersQueue:
      Type: AWS::SQS::Queue
      Properties:
        QueueName: orders-e2e
        VisibilityTimeout: 30
        RedrivePolicy:
          deadLetterTargetArn: !GetAtt OrdersDlq.Arn
          maxReceiveCount: 3
    OrdersDlq:
      Type: AWS::SQS::Queue
      Properties:
        QueueName: orders-e2e-dlq
`,
  'handler.js': `exports.charge = async (event) => {
  for (const record of event.Records) {
    console.log('charging ' + record.body + ' attempt ' + record.attributes.ApproximateReceiveCount);
    throw new Error('card declined for ' + record.body);
  }
};
`,
};

test('a failing consumer drives its message into the dead-letter queue', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.openProject(files, 'handler.js');
  await page.getByRole('tab', { name: 'Events', exact: true }).click();
  const group = page.getByRole('region', { name: 'Events', exact: true }).getByRole('group', { name: 'queue: orders-e2e', exact: true });
  await group.getByRole('textbox', { name: 'Payload' }).fill('order-77');
  await group.getByRole('button', { name: 'Fire', exact: true }).click();
  await expect(wb.logs).toContainText('charging order-77 attempt 1');

  // Each fast-forward passes the 30 s visibility timeout: the message is received again, until the third receive.
  const fastForward = page.getByRole('group', { name: 'Clock' }).getByRole('button', { name: /^Fast-forward/ }).first();
  await fastForward.click();
  await expect(wb.logs).toContainText('charging order-77 attempt 3');

  await page.getByRole('tab', { name: 'Resources', exact: true }).click();
  const dlq = page.getByRole('region', { name: 'Resources', exact: true }).getByRole('group', { name: 'queue: orders-e2e-dlq' });
  await expect(dlq).toContainText('order-77');
  const lines = (await wb.logLines()).filter((l) => l.includes('charging order-77'));
  expect(lines).toHaveLength(3);
});
