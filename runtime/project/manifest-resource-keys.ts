/** The CloudFormation properties the playground simulates for each resource type, and the ones it only keeps. */
import type { KeySpec } from './manifest-keys';

/** `resources:` itself (the framework merges it into the stack template). */
export const RESOURCES_BLOCK: KeySpec = {
  supported: ['Resources'],
  notSimulated: ['Outputs', 'Conditions', 'Mappings', 'Parameters', 'Rules', 'Transform'],
  noEffect: ['Description', 'Metadata', 'AWSTemplateFormatVersion'],
};

/** One resource of `resources.Resources`. */
export const RESOURCE: KeySpec = {
  supported: ['Type', 'Properties'],
  notSimulated: ['Condition'],
  noEffect: ['DependsOn', 'DeletionPolicy', 'UpdateReplacePolicy', 'UpdatePolicy', 'CreationPolicy', 'Metadata'],
};

export const BUCKET_PROPERTIES: KeySpec = {
  supported: ['BucketName'],
  notSimulated: [
    'NotificationConfiguration', 'LifecycleConfiguration', 'VersioningConfiguration', 'CorsConfiguration', 'WebsiteConfiguration',
    'ObjectLockConfiguration', 'ObjectLockEnabled', 'ReplicationConfiguration', 'AccelerateConfiguration', 'EventBridgeConfiguration',
    'IntelligentTieringConfigurations', 'InventoryConfigurations', 'AnalyticsConfigurations', 'MetricsConfigurations',
  ],
  noEffect: ['AccessControl', 'BucketEncryption', 'PublicAccessBlockConfiguration', 'OwnershipControls', 'LoggingConfiguration', 'Tags'],
};

export const QUEUE_PROPERTIES: KeySpec = {
  supported: ['QueueName', 'VisibilityTimeout', 'MessageRetentionPeriod', 'DelaySeconds', 'FifoQueue', 'RedrivePolicy'],
  notSimulated: [
    'ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit', 'MaximumMessageSize', 'ReceiveMessageWaitTimeSeconds',
    'RedriveAllowPolicy',
  ],
  noEffect: ['KmsMasterKeyId', 'KmsDataKeyReusePeriodSeconds', 'SqsManagedSseEnabled', 'Tags'],
};

export const REDRIVE_POLICY: KeySpec = {
  supported: ['deadLetterTargetArn', 'maxReceiveCount'],
  notSimulated: [],
};

export const TOPIC_PROPERTIES: KeySpec = {
  supported: ['TopicName'],
  notSimulated: [
    'Subscription', 'FifoTopic', 'ContentBasedDeduplication', 'DeliveryStatusLogging', 'ArchivePolicy', 'DataProtectionPolicy',
    'TracingConfig',
  ],
  noEffect: ['DisplayName', 'KmsMasterKeyId', 'SignatureVersion', 'Tags'],
};

export const TABLE_PROPERTIES: KeySpec = {
  supported: ['TableName', 'AttributeDefinitions', 'KeySchema', 'StreamSpecification'],
  notSimulated: [
    'GlobalSecondaryIndexes', 'LocalSecondaryIndexes', 'TimeToLiveSpecification', 'ImportSourceSpecification',
    'KinesisStreamSpecification', 'DeletionProtectionEnabled', 'TableClass', 'ResourcePolicy', 'OnDemandThroughput',
    'WarmThroughput', 'ContributorInsightsSpecification',
  ],
  noEffect: ['BillingMode', 'ProvisionedThroughput', 'SSESpecification', 'PointInTimeRecoverySpecification', 'Tags'],
};

export const BUS_PROPERTIES: KeySpec = {
  supported: ['Name'],
  notSimulated: ['EventSourceName', 'DeadLetterConfig', 'Policy', 'KmsKeyIdentifier'],
  noEffect: ['Description', 'Tags'],
};
