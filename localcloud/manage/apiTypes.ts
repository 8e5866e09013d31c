/** Shapes of the Tencent Cloud API 3.0 actions the local cloud answers (see management.ts). */

/** Parameters of one call (the JSON body). */
export type ApiParams = Record<string, unknown>;

/** One action: returns the Response fields (RequestId is added) or throws {@link ApiError}. */
export type ApiHandler = (params: ApiParams) => Record<string, unknown> | Promise<Record<string, unknown>>;

/** An error reply, `{ Response: { Error: { Code, Message } } }`, with Tencent Cloud's codes. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A required string parameter. */
export function stringParam(params: ApiParams, name: string): string {
  const v = params[name];
  if (typeof v !== 'string' || v === '')
    throw new ApiError('MissingParameter', `The request is missing a required parameter \`${name}\`.`);
  return v;
}

/** The environment (or function namespace) must be this cloud's. */
export function checkEnv(value: unknown, envId: string, what = 'EnvId'): void {
  if (value !== envId)
    throw new ApiError(
      'ResourceNotFound.Env',
      `${what} ${String(value)} not found (this local cloud is ${envId})`,
    );
}
