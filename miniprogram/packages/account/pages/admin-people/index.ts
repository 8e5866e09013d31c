/**
 * 人员与角色: an admin finds people in their scope by name, nickname or phone digits (personal data masked), 20
 * at a time, and opens one to see them in full and set their roles.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import type { UserListItem } from '../../../../lib/account';
import { roleLabel } from '../../../../lib/roles';
import { call } from '../../../../lib/api';

/** A person as a line of the list. */
interface PersonLine {
  id: string;
  title: string;
  /** Community, age, masked phone, and roles held. */
  description: string;
  url: string;
}

function personLine(u: UserListItem): PersonLine {
  const title = u.realNameMasked ? `${u.nickname}（${u.realNameMasked}）` : u.nickname;
  const description = [
    u.communityName,
    u.age ? `${u.age} 岁` : '',
    u.phoneMasked,
    u.kind === 'proxy' ? '代登记' : '',
    ...u.roles.map(roleLabel),
  ]
    .filter(Boolean)
    .join(' · ');
  return {
    id: u.id,
    title,
    description,
    url: `/packages/account/pages/admin-person/index?id=${encodeURIComponent(u.id)}`,
  };
}

Component({
  behaviors: [elderModeBehavior],
  data: {
    status: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
    query: '',
    searched: '',
    people: [] as PersonLine[],
    next: null as number | null,
    loadingMore: false,
  },
  pageLifetimes: {
    show() {
      // Roles may have changed on the person's page.
      if (this.data.status === 'ready') this.search(this.data.searched);
    },
  },
  methods: {
    onLoad() {
      this.search('');
    },
    onQuery(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ query: e.detail.value });
    },
    onSearch() {
      this.setData({ status: 'loading' });
      this.search(this.data.query.trim());
    },
    onRetry() {
      this.onSearch();
    },
    async search(query: string) {
      const reply = await call('account', 'searchUsers', { query });
      if (!reply.ok) {
        this.setData({ status: 'error', errorMessage: reply.error.message });
        return;
      }
      this.setData({
        status: 'ready',
        searched: query,
        people: reply.data.items.map(personLine),
        next: reply.data.next,
      });
    },
    async onMore() {
      const offset = this.data.next;
      if (offset === null || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      const reply = await call('account', 'searchUsers', { query: this.data.searched, offset });
      if (!reply.ok) {
        this.setData({ loadingMore: false });
        wx.showToast({ title: reply.error.message, icon: 'none' });
        return;
      }
      this.setData({
        loadingMore: false,
        people: [...this.data.people, ...reply.data.items.map(personLine)],
        next: reply.data.next,
      });
    },
  },
});
