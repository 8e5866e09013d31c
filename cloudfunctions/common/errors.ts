/** Typed failures an action throws; the router turns them into an {@link ErrorReply}. */
import type { ErrorCode, FieldIssue } from './reply';

/** A failure the client is told about, with a code it can act on. */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Bad input (with the fields at fault). */
export const invalid = (message: string, issues?: FieldIssue[]) =>
  new AppError('INVALID_INPUT', message, issues);
/** The caller may not do this. */
export const forbidden = (message = '没有权限执行此操作') => new AppError('FORBIDDEN', message);
/** The thing asked for does not exist (or the caller may not know it does). */
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在`);
/** The state changed under the caller, or the request clashes with it. */
export const conflict = (message: string) => new AppError('CONFLICT', message);
/** A quota or capacity is used up. */
export const limitReached = (message: string) => new AppError('LIMIT_REACHED', message);
/** Text or an image failed the content check. */
export const contentRejected = (message = '内容未通过安全检查，请修改后再提交') =>
  new AppError('CONTENT_REJECTED', message);
/** No WeChat identity on the call. */
export const unauthenticated = () => new AppError('UNAUTHENTICATED', '请先登录');
