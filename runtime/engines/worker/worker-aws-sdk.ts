/** The AWS SDK for JavaScript v3 packages a function can require ('@aws-sdk/client-s3', …), each built on first require, every call answered by the page's simulated services. */
import type { createSdkCore, SdkCoreDeps } from './worker-aws-sdk-core';
import type { createDocumentSdk } from './worker-aws-sdk-document';
import type { createDynamoMarshall } from './worker-aws-sdk-marshall';
import type { createS3Sdk, S3SdkDeps } from './worker-aws-sdk-s3';

/** The self-contained parts the SDK is built from (passed in, as the worker program is assembled from source text). */
export interface AwsSdkParts {
  createSdkCore: typeof createSdkCore;
  createS3Sdk: typeof createS3Sdk;
  createDynamoMarshall: typeof createDynamoMarshall;
  createDocumentSdk: typeof createDocumentSdk;
}

export interface AwsSdkDeps extends SdkCoreDeps {
  Buffer: S3SdkDeps['Buffer'];
  parts: AwsSdkParts;
}

/** Runs inside the sandboxed worker: self-contained, like every function the worker program is built from. */
export function createAwsSdk(deps: AwsSdkDeps): Record<string, () => unknown> {
  const parts = deps.parts;
  let core: ReturnType<typeof createSdkCore> | null = null;
  const getCore = () => (core ||= parts.createSdkCore({ call: deps.call, region: deps.region }));
  const built: Record<string, unknown> = {};
  const once = (name: string, make: () => unknown) => () => (name in built ? built[name] : (built[name] = make()));
  const jsonType = (prefix: string) => (name: string) => ({ __type: prefix + name });

  const modules: Record<string, () => unknown> = {
    '@aws-sdk/client-s3': once('s3', () => parts.createS3Sdk({ core: getCore(), Buffer: deps.Buffer })),
    '@aws-sdk/client-sqs': once('sqs', () =>
      getCore().defineService({
        service: 'sqs',
        prefix: 'SQS',
        operations: ['SendMessage', 'SendMessageBatch', 'ReceiveMessage', 'DeleteMessage', 'DeleteMessageBatch', 'ChangeMessageVisibility', 'ChangeMessageVisibilityBatch', 'GetQueueUrl', 'GetQueueAttributes', 'PurgeQueue', 'ListQueues'],
        exceptions: [
          'QueueDoesNotExist', 'ReceiptHandleIsInvalid', 'InvalidMessageContents', 'BatchEntryIdsNotDistinct', 'EmptyBatchRequest', 'TooManyEntriesInBatchRequest',
          'InvalidBatchEntryId', 'BatchRequestTooLong', 'PurgeQueueInProgress', 'OverLimit', 'MessageNotInflight', 'InvalidAttributeName', 'InvalidAttributeValue', 'UnsupportedOperation',
        ],
        errorFields: jsonType('com.amazonaws.sqs#'), // SQS speaks the AWS JSON protocol since 2023
      }),
    ),
    '@aws-sdk/client-sns': once('sns', () =>
      getCore().defineService({
        service: 'sns',
        prefix: 'SNS',
        operations: ['Publish', 'PublishBatch', 'ListTopics', 'GetTopicAttributes'],
        exceptions: [
          'NotFoundException', 'InvalidParameterException', 'InvalidParameterValueException', 'AuthorizationErrorException', 'InternalErrorException', 'ThrottledException',
          'BatchEntryIdsNotDistinctException', 'EmptyBatchRequestException', 'TooManyEntriesInBatchRequestException', 'InvalidBatchEntryIdException', 'BatchRequestTooLongException',
        ],
        // The query protocol's <Error><Type>Sender</Type><Code>…</Code></Error>.
        errorFields: (name) => ({ Type: /^Internal/.test(name) ? 'Receiver' : 'Sender', Code: name }),
      }),
    ),
    '@aws-sdk/client-eventbridge': once('eventbridge', () =>
      getCore().defineService({
        service: 'eventbridge',
        prefix: 'EventBridge',
        operations: ['PutEvents'],
        exceptions: ['ResourceNotFoundException', 'InternalException', 'LimitExceededException'],
        errorFields: jsonType(''),
      }),
    ),
    '@aws-sdk/client-dynamodb': once('dynamodb', () => {
      const c = getCore();
      const mod = c.defineService({
        service: 'dynamodb',
        prefix: 'DynamoDB',
        operations: ['PutItem', 'GetItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchWriteItem', 'BatchGetItem', 'TransactWriteItems', 'DescribeTable', 'ListTables'],
        exceptions: [
          'ConditionalCheckFailedException', 'ResourceNotFoundException', 'ProvisionedThroughputExceededException', 'TransactionCanceledException', 'TransactionConflictException',
          'ItemCollectionSizeLimitExceededException', 'RequestLimitExceeded', 'ResourceInUseException', 'LimitExceededException', 'InternalServerError',
        ],
        decode: (_op, output) => c.dates(output, ['CreationDateTime', 'LastIncreaseDateTime', 'LastDecreaseDateTime']) as Record<string, unknown>,
        errorFields: jsonType('com.amazonaws.dynamodb.v20120810#'),
      });
      type Cmd = new (i: Record<string, unknown>) => unknown;
      mod.paginateQuery = c.paginator(mod.QueryCommand as Cmd, 'ExclusiveStartKey', 'LastEvaluatedKey', 'Limit');
      mod.paginateScan = c.paginator(mod.ScanCommand as Cmd, 'ExclusiveStartKey', 'LastEvaluatedKey', 'Limit');
      mod.paginateListTables = c.paginator(mod.ListTablesCommand as Cmd, 'ExclusiveStartTableName', 'LastEvaluatedTableName', 'Limit');
      return mod;
    }),
    '@aws-sdk/util-dynamodb': once('util-dynamodb', () => parts.createDynamoMarshall()),
    '@aws-sdk/lib-dynamodb': once('lib-dynamodb', () =>
      parts.createDocumentSdk({
        core: getCore(),
        dynamodb: modules['@aws-sdk/client-dynamodb']() as Record<string, unknown>,
        util: modules['@aws-sdk/util-dynamodb']() as ReturnType<typeof createDynamoMarshall>,
      }),
    ),
  };
  return modules;
}
