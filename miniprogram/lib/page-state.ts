/**
 * What a page shows while its data is not on screen, decided once for every page: loading, or why loading
 * failed and the way out that fits. behaviors/remote-page.ts keeps it in page data; components/page-state draws it.
 *
 * A failure the user can fix by trying again (no network, the function failed) offers 再试一次; a refusal
 * trying again cannot change (no permission, nothing there, not logged in) says who can help and offers the
 * way out instead (返回, 去登录) — never a retry button that cannot work.
 */
import type { CloudError, CloudErrorCode, CloudReply } from './cloud';
import { TRANSPORT_MESSAGE } from './cloud';

/** Where a remote page stands: its data is coming, on screen, or could not be loaded. */
export type PageStatus = 'loading' | 'ready' | 'error';

/**
 * How a failed load is shown:
 * - `offline`: the call never reached the function (network) — 再试一次;
 * - `failed`: the function failed or the data changed meanwhile — 再试一次;
 * - `refused`: not allowed (FORBIDDEN) — who can help, 返回;
 * - `missing`: nothing there, or a link that names nothing (NOT_FOUND, INVALID_INPUT) — 返回;
 * - `login`: the user is not logged in (UNAUTHENTICATED) — 去登录.
 */
export type PageErrorKind = 'offline' | 'failed' | 'refused' | 'missing' | 'login';

/** A failed load as the page shows it. */
export interface PageError {
  code: CloudErrorCode;
  kind: PageErrorKind;
  /** The function's (or the page's) own words. */
  message: string;
  /** A second line: who can help, or what to do; '' for none. */
  help: string;
  /** Whether 再试一次 is offered. */
  retry: boolean;
}

/** The words of the states, one place for every page. */
export const PAGE_STATE_WORDS = {
  loading: '正在加载…',
  retry: '再试一次',
  back: '返回',
  home: '回首页',
  login: '去登录',
  /** Under a refusal whose message does not say who can help. */
  refusedHelp: '如有疑问，请联系社区工作人员',
  /** 再看 20 条: followed by the page size and what is listed. */
  more: '再看',
  /** Under a list that was paged to its end. */
  end: '没有更多了',
} as const;

/** How many items the functions hand out per page of a list (DESIGN.md budgets). */
export const PAGE_SIZE = 20;

/** TDesign icon names per kind. */
export const PAGE_ERROR_ICONS: Record<PageErrorKind, string> = {
  offline: 'wifi-off',
  failed: 'error-circle',
  refused: 'lock-on',
  missing: 'info-circle',
  login: 'user',
};

const KIND_OF: Record<CloudErrorCode, PageErrorKind> = {
  INTERNAL: 'failed',
  CONFLICT: 'failed',
  LIMIT_REACHED: 'failed',
  CONTENT_REJECTED: 'failed',
  FORBIDDEN: 'refused',
  NOT_FOUND: 'missing',
  INVALID_INPUT: 'missing',
  UNAUTHENTICATED: 'login',
};

/** Whether the call never produced a reply (lib/cloud.ts answers those with TRANSPORT_MESSAGE). */
export function isTransportError(error: CloudError): boolean {
  return error.code === 'INTERNAL' && error.message === TRANSPORT_MESSAGE;
}

/**
 * A failed load as shown. `help` overrides the default second line (a page that knows who can help says so; ''
 * for none). A refusal whose message already names someone (请…管理员…, 联系…) gets no generic line.
 */
export function pageError(error: CloudError, help?: string): PageError {
  const kind: PageErrorKind = isTransportError(error) ? 'offline' : KIND_OF[error.code];
  const defaultHelp =
    kind === 'refused' && !/联系|请.*(管理员|工作人员)/.test(error.message)
      ? PAGE_STATE_WORDS.refusedHelp
      : '';
  return {
    code: error.code,
    kind,
    message: error.message,
    help: help ?? defaultHelp,
    retry: kind === 'offline' || kind === 'failed',
  };
}

/**
 * A refusal the page decides itself (a role it checks before calling, a link to something not in reach), shown
 * like the function's own: FORBIDDEN by default, or NOT_FOUND.
 */
export function refusal(
  message: string,
  code: 'FORBIDDEN' | 'NOT_FOUND' = 'FORBIDDEN',
): { ok: false; error: CloudError } {
  return { ok: false, error: { code, message } };
}

/**
 * A reply's data turned into what the page shows (page data), or the failure as it was: what a page's `load()`
 * returns for one call. `mapReply(await callX('y', {}), (d) => ({ rows: d.items.map(row) }))`.
 */
export function mapReply<T, D>(reply: CloudReply<T>, view: (data: T) => D): CloudReply<D> {
  return reply.ok ? { ok: true, data: view(reply.data) } : reply;
}
