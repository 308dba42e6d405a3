/** An AWS service error, thrown by a simulated service and rethrown in the function as the SDK would (`err.name`, `$metadata.httpStatusCode`). */
import type { AwsErrorInfo } from './types';

export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
    this.name = code;
  }

  get info(): AwsErrorInfo {
    return { name: this.code, message: this.message, statusCode: this.statusCode, fault: this.statusCode >= 500 ? 'server' : 'client' };
  }
}

/** The reply for anything a service throws: its AwsError, or an InternalFailure for a bug in the simulation. */
export function errorInfo(err: unknown): AwsErrorInfo {
  if (err instanceof AwsError) return err.info;
  return { name: 'InternalFailure', message: err instanceof Error ? err.message : String(err), statusCode: 500, fault: 'server' };
}
