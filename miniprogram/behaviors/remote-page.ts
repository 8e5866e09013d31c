/**
 * Remote page behavior: a page whose data comes from the functions. The page writes one method,
 * `load(query)`, that makes its calls and returns the page data to show (or the failed reply); the behavior owns
 * the rest — `data.status` ('loading' | 'ready' | 'error') and `data.error` (lib/page-state.ts), the first load
 * on open, 再试一次, pull-down refresh, and (with {@link reloadOnShow}) a quiet reload when the page shows again.
 * The WXML draws every state with one `<page-state>`:
 *
 *     Component({
 *       behaviors: [elderModeBehavior, remotePage],
 *       data: { orgs: [] as OrgCard[] },
 *       methods: {
 *         async load() {
 *           return mapReply(await callAccount('listOrgs', {}), (orgs) => ({ orgs: orgs.map(card) }));
 *         },
 *       },
 *     });
 *
 *     <page-state wx:if="{{status !== 'ready'}}" id="{{status}}" status="{{status}}" error="{{error}}" bind:retry="onRetry" />
 *     <block wx:else>…</block>
 */
import type { CloudError } from '../lib/cloud';
import { pageError, type PageError, type PageStatus } from '../lib/page-state';

/** A page's onLoad query. */
export type PageQuery = Record<string, string | undefined>;

/** What a page's `load()` returns: the page data to show (set in one setData), or why it could not load. */
export type LoadResult = { ok: true; data: object } | { ok: false; error: CloudError };

/** The method a page using {@link remotePage} writes. */
export interface RemoteHooks {
  load(query: PageQuery): Promise<LoadResult>;
}

// Per page instance, off its typed data: the onLoad query (reloads use it again) and a counter of loads started,
// so the answer of a load overtaken by a newer one (a second tab tapped quickly) is dropped.
const queries = new WeakMap<object, PageQuery>();
const generations = new WeakMap<object, number>();

/** How many loads this page has started; a paged list's "more" drops its answer when a load started meanwhile. */
export function loadGeneration(page: object): number {
  return generations.get(page) ?? 0;
}

/** What the page shows (or is trying to show): its onLoad query and the choices its reloads were given. */
export function pageQuery(page: object): PageQuery {
  return queries.get(page) ?? {};
}

/** Adds `data.status`/`data.error`, loads on open, and answers 再试一次 and pull-down refresh. */
export const remotePage = Behavior({
  data: {
    status: 'loading' as PageStatus,
    error: null as PageError | null,
  },
  methods: {
    /** Opening the page: loads with its query. A page with its own onLoad calls `this.reload(query)`. */
    onLoad(query: PageQuery) {
      void this.reload(query);
    },
    /**
     * Runs the page's `load(query)` and shows its data, or its failure. `query` is what to show — the onLoad query,
     * or a choice the page makes (a category: `this.reload({ ...pageQuery(this), category })`); without it, what is
     * shown now. The page stays as it is meanwhile (pull-down, coming back, a chip tapped) and the choice lands
     * with its data. A failure that trying again may fix, while data is on screen, is said in a toast and the page
     * stays as it was — an error is never drawn over a page that works. `expired`: what is on screen is out of
     * date (a check-in code whose window has turned), so a failure is drawn over it after all.
     * Resolves true when the data was shown.
     */
    async reload(query?: PageQuery, { expired = false }: { expired?: boolean } = {}): Promise<boolean> {
      const params = query ?? pageQuery(this);
      const generation = loadGeneration(this) + 1;
      generations.set(this, generation);
      const result = await (this as unknown as RemoteHooks).load(params);
      if (generations.get(this) !== generation) return false;
      if (result.ok) {
        queries.set(this, params);
        this.setData({ ...result.data, status: 'ready', error: null });
        return true;
      }
      const error = pageError(result.error);
      if (this.data.status === 'ready' && error.retry && !expired) {
        wx.showToast({ title: error.message, icon: 'none' });
        return false;
      }
      // 再试一次 asks for the same again.
      queries.set(this, params);
      this.setData({ status: 'error', error });
      return false;
    },
    /** Shows the loading state and loads again: with `query`, something else (another tab: `{ ...pageQuery(this), tab }`). */
    restart(query?: PageQuery): Promise<boolean> {
      this.setData({ status: 'loading', error: null });
      return this.reload(query);
    },
    /** 再试一次 (and 去登录, once logged in) on `<page-state>`. */
    onRetry() {
      void this.restart();
    },
    /** Pull-down refresh (the page's json sets `enablePullDownRefresh`). */
    async onPullDownRefresh() {
      await this.reload();
      wx.stopPullDownRefresh?.();
    },
  },
});

/** With {@link remotePage}: coming back to the page (from a detail, a form) reloads it quietly, once it has loaded. */
export const reloadOnShow = Behavior({
  behaviors: [remotePage],
  methods: {
    // A member of its own: a behavior that only repeats another's would erase the types of the page's other
    // behaviors (TypeScript folds the list's element types into their common supertype).
    /** Reloads quietly when the page has loaded before. */
    reloadIfLoaded() {
      if (this.data.status === 'ready') void this.reload();
    },
  },
  pageLifetimes: {
    show() {
      this.reloadIfLoaded();
    },
  },
});
