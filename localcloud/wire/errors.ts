/**
 * CloudBase errors as the wire carries them: `{ code, message, requestId }`. wx-server-sdk maps `code` to its
 * numeric errCode (e.g. DATABASE_COLLECTION_NOT_EXIST → -502005), so tests see what production would throw.
 */

/** Error codes the local cloud replies with (CloudBase's own names). */
export type CloudErrorCode =
  | 'INVALID_PARAM'
  | 'SYS_ERR'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_INVALID_OPERRATOR'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'STORAGE_REQUEST_FAIL'
  | 'STORAGE_FILE_NONEXIST'
  | 'STORAGE_EXCEED_AUTHORITY'
  | 'FUNCTIONS_REQUEST_FAIL'
  | 'FUNCTIONS_EXECUTE_FAIL'
  | 'FUNCTION_NOT_FOUND'
  | 'INVALID_ACTION';

/** An error a wire handler throws; the server turns it into `{ code, message }`. */
export class CloudError extends Error {
  constructor(
    public readonly code: CloudErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

/** CloudBase's closing sentence on database errors. */
const PERSISTS = 'Please check your request, but if the problem persists, contact us.';

/**
 * Messages as CloudBase words them (the SDK passes them through to errMsg). Where a message was seen from the real
 * service (its SDK's own tests against it, reports of its errors) it is copied exactly: collection not found,
 * transaction conflict, transaction not found. The others follow the same pattern around MongoDB's text; the
 * README lists which ones are not confirmed.
 */
export const cloudErrors = {
  collectionNotExist: () =>
    new CloudError(
      'DATABASE_COLLECTION_NOT_EXIST',
      '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.',
    ),
  collectionExists: (name: string) =>
    new CloudError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] Table exist: ${name}.`),
  duplicateKey: (collection: string, index: string, key: string) =>
    new CloudError(
      'DATABASE_REQUEST_FAILED',
      `[FailedOperation] E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${key}`,
    ),
  transactionConflict: () =>
    new CloudError(
      'DATABASE_TRANSACTION_CONFLICT',
      `[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. ${PERSISTS}`,
    ),
  transactionNotExist: () =>
    new CloudError(
      'DATABASE_TRANSACTION_FAIL',
      `[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. ${PERSISTS}`,
    ),
  /** MongoDB refuses field names starting with `$` in stored documents (DollarPrefixedFieldName). */
  dollarField: (field: string, path: string) =>
    new CloudError(
      'DATABASE_REQUEST_FAILED',
      `[FailedOperation] The dollar ($) prefixed field '${field}' in '${path}' is not valid for storage.`,
    ),
  /** MongoDB's answer to $near/$nearSphere/$geoNear without a 2dsphere index on the field. */
  noGeoIndex: (operator: string) =>
    new CloudError('DATABASE_REQUEST_FAILED', `[FailedOperation] unable to find index for ${operator} query`),
  invalidParam: (message: string) => new CloudError('INVALID_PARAM', `[InvalidParameter] ${message}`),
  invalidOperator: (message: string) =>
    new CloudError('DATABASE_INVALID_OPERRATOR', `[InvalidParameter] ${message}`),
};
