/**
 * Paged list behavior: a {@link remotePage} whose data is a list the functions hand out 20 at a time
 * (`{ items, next }` replies, `next` the offset of the following page or null at the end). The page writes
 * `loadPage(offset, query)` returning one page of items already shaped for the WXML (plus, on the first page, any
 * other data to show); the behavior keeps `data.items`, `data.next` and `data.loadingMore`, loads the first page as
 * the page's load (a page loading more than the list writes its own `load()` and calls `loadPage(0, query)`
 * there), and appends the next page on `onMore`. The WXML ends the list with `<list-more>`:
 *
 *     <list-more id="more" next="{{next}}" loading="{{loadingMore}}" count="{{items.length}}" unit="条" bind:more="onMore" />
 */
import type { CloudError } from '../lib/cloud';
import { loadGeneration, pageQuery, type PageQuery, remotePage } from './remote-page';

/** One page of a list, shaped for the page, and any other data to show with the first page. */
export type ListPage<T> = { items: T[]; next: number | null } & Record<string, unknown>;

/** What `loadPage` returns. */
export type PageResult<T = unknown> = { ok: true; data: ListPage<T> } | { ok: false; error: CloudError };

/** The method a page using {@link pagedList} writes. */
export interface PagedHooks {
  loadPage(offset: number, query: PageQuery): Promise<PageResult>;
}

/**
 * A list reply shaped for the page: each item through `line`, `next` as it came, and `extra` set alongside.
 * `return pageOf(await callCharity('myDonations', { offset }), donationCard);`
 */
export function pageOf<T, L>(
  reply: { ok: true; data: { items: T[]; next: number | null } } | { ok: false; error: CloudError },
  line: (item: T) => L,
  extra: Record<string, unknown> = {},
): PageResult<L> {
  if (!reply.ok) return reply;
  return { ok: true, data: { ...extra, items: reply.data.items.map(line), next: reply.data.next } };
}

/** Adds `data.items`, `data.next`, `data.loadingMore`, the first page as the page's load, and `onMore`. */
export const pagedList = Behavior({
  behaviors: [remotePage],
  data: {
    items: [] as unknown[],
    next: null as number | null,
    loadingMore: false,
  },
  methods: {
    /** The first page (remotePage's load hook); a page that loads more than its list writes its own. */
    async load(query: PageQuery): Promise<PageResult> {
      const result = await (this as unknown as PagedHooks).loadPage(0, query);
      return result.ok ? { ok: true, data: { ...result.data, loadingMore: false } } : result;
    },
    /**
     * 再看 20 条: appends the next page. A failure is said in a toast and the list stays; the answer is dropped
     * when the list was loaded again meanwhile (another tab, a pull-down).
     */
    async onMore() {
      const offset = this.data.next;
      if (offset === null || this.data.loadingMore) return;
      const generation = loadGeneration(this);
      this.setData({ loadingMore: true });
      const result = await (this as unknown as PagedHooks).loadPage(offset, pageQuery(this));
      if (loadGeneration(this) !== generation) return;
      if (!result.ok) {
        this.setData({ loadingMore: false });
        wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      // Only the new items cross to the view (by path), not the whole list again.
      const start = this.data.items.length;
      const added = Object.fromEntries(result.data.items.map((item, i) => [`items[${start + i}]`, item]));
      this.setData({ ...added, loadingMore: false, next: result.data.next });
    },
  },
});
