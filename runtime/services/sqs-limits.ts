/** SQS's limits and the errors it answers when a request breaks them (names as @aws-sdk/client-sqs v3 reports them). */
import { AwsError } from './aws-error';

/** Body and attributes together: at most 256 KB. */
export const MAX_MESSAGE_BYTES = 262_144;
/** DelaySeconds at most 15 minutes; a visibility timeout at most 12 hours. */
export const MAX_DELAY_SECONDS = 900;
export const MAX_VISIBILITY_SECONDS = 43_200;

export const queueDoesNotExist = () => new AwsError('QueueDoesNotExist', 'The specified queue does not exist.');

/** A receipt handle SQS never issued (for this queue). */
export const invalidReceiptHandle = (handle: string) =>
  new AwsError('ReceiptHandleIsInvalid', `The input receipt handle "${handle}" is not a valid receipt handle.`);

export const invalidValue = (param: string, value: unknown, reason: string) =>
  new AwsError('InvalidParameterValue', `Value ${String(value)} for parameter ${param} is invalid. Reason: ${reason}`);

export const missingParameter = (param: string) => new AwsError('MissingParameter', `The request must contain the parameter ${param}.`);
