/**
 * Every reply of every action: `{ ok: true, data }` or `{ ok: false, error: { code, message, issues? } }`.
 * The mini program imports these types (type-only) so both sides agree.
 */

/** The error codes a client can receive (DESIGN.md convention 6). */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LIMIT_REACHED'
  | 'CONTENT_REJECTED'
  | 'INTERNAL';

/** One problem with one input field. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `budgetLines.0.amount`. */
  path: string;
  message: string;
  /**
   * True when the message is a rule's general wording (common/inputIssues), not one written for this field: a
   * page may show its own hint for the field instead.
   */
  generic?: boolean;
}

/** A failed action. */
export interface ErrorReply {
  ok: false;
  error: { code: ErrorCode; message: string; issues?: FieldIssue[] };
}

/** A successful action. */
export interface OkReply<T> {
  ok: true;
  data: T;
}

/** What an action returns. */
export type Reply<T> = OkReply<T> | ErrorReply;
