/**
 * 人员与角色: an admin finds people in their scope by name, nickname or phone digits (personal data masked), 20
 * at a time, and opens one to see them in full and set their roles.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { type PageQuery, pageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { type UserListItem } from '../../../../lib/account';
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
  // Coming back: roles may have changed on the person's page.
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: {
    query: '',
    searched: '',
    items: [] as PersonLine[],
  },
  methods: {
    onQuery(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ query: e.detail.value });
    },
    onSearch() {
      void this.restart({ ...pageQuery(this), searched: this.data.query.trim() });
    },
    /** People matching what was searched (everyone in scope for ''), 20 at a time. */
    async loadPage(offset: number, params: PageQuery) {
      const query = params.searched ?? '';
      return pageOf(await call('account', 'searchUsers', { query, offset }), personLine, { searched: query });
    },
  },
});
