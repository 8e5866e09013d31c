/**
 * 受助人登记, for admins: everyone the charity supermarket serves within their scope (search by name or phone,
 * 20 at a time), in full — only admins of the place reach this page's data — and a button to register someone.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { reloadOnShow } from '../../../../behaviors/remote-page';
import { type RecipientView } from '../../lib/views';
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
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: {
    query: '',
    items: [] as Row[],
  },
  methods: {
    onQuery(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ query: e.detail.value });
    },
    onSearch() {
      void this.restart();
    },
    async loadPage(offset: number) {
      return pageOf(
        await call('charity', 'recipients', {
          offset,
          query: this.data.query,
          includeInactive: true,
        }),
        row,
      );
    },
    onGo(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
  },
});
