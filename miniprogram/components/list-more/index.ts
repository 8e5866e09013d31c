/**
 * `<list-more>`: the end of a list paged by behaviors/paged-list.ts (registered in app.json). While there is more it
 * is the 再看 20 条 button (`unit` names what is listed: 条, 个, 项, 位); once more was loaded and the list has ended it
 * says so. Event: `more`.
 *
 *     <list-more id="more" more="{{next !== null}}" loading="{{loadingMore}}" count="{{items.length}}" unit="条" bind:more="onMore" />
 */
import { PAGE_SIZE, PAGE_STATE_WORDS } from '../../lib/page-state';

Component({
  properties: {
    /** Whether there is a next page. */
    more: { type: Boolean, value: false },
    /** The next page is on its way. */
    loading: { type: Boolean, value: false },
    /** How many items are shown. */
    count: { type: Number, value: 0 },
    /** What is counted: 条, 个, 项, 位. */
    unit: { type: String, value: '条' },
  },
  data: {
    words: PAGE_STATE_WORDS,
    pageSize: PAGE_SIZE,
  },
  methods: {
    onMore() {
      this.triggerEvent('more');
    },
  },
});
