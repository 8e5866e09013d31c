/**
 * 受助人登记, for admins: everyone the charity supermarket serves within their scope (search by name or phone,
 * 20 at a time), in full — only admins of the place reach this page's data — and a button to register someone.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import type { RecipientView } from '../../lib/views';
import { call } from '../../../../lib/api';

interface Row {
  id: string;
  name: string;
  line: string;
  category: string;
  active: boolean;
}

const row = (r: RecipientView): Row => ({
  id: r.id,
  name: r.name,
  line: [r.age !== undefined ? `${r.age}岁` : '', r.communityName, r.phone ?? ''].filter(Boolean).join(' · '),
  category: r.categoryLabel,
  active: r.active,
});

Component({
  behaviors: [elderModeBehavior],
  data: {
    status: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    query: '',
    rows: [] as Row[],
    next: null as number | null,
    loadingMore: false,
  },
  methods: {
    onLoad() {
      void this.fetch(0);
    },
    onShow() {
      if (this.data.status === 'ready') void this.fetch(0);
    },
    onRetry() {
      this.setData({ status: 'loading' });
      void this.fetch(0);
    },
    onQuery(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ query: e.detail.value });
    },
    onSearch() {
      this.setData({ status: 'loading' });
      void this.fetch(0);
    },
    async fetch(offset: number) {
      const reply = await call('charity', 'recipients', {
        offset,
        query: this.data.query,
        includeInactive: true,
      });
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message, loadingMore: false });
        return;
      }
      const rows = reply.data.items.map(row);
      this.setData({
        status: 'ready',
        loadingMore: false,
        rows: offset === 0 ? rows : [...this.data.rows, ...rows],
        next: reply.data.next,
      });
    },
    async onMore() {
      if (this.data.next === null || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      await this.fetch(this.data.next);
    },
    onGo(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
  },
});
