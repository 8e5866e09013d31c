/**
 * 人员与角色: an admin finds people in their scope by name, nickname or phone digits (personal data masked), 20
 * at a time, narrowed by community, role held and age, and opens one to see them in full and set their roles;
 * 导出表格 hands the list as it is filtered to the street office as a spreadsheet.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { pagedList, pageOf } from '../../../../behaviors/paged-list';
import { type PageQuery, pageQuery, reloadOnShow } from '../../../../behaviors/remote-page';
import { type UserListItem } from '../../../../lib/account';
import { ROLE_NAMES, roleLabel } from '../../../../lib/roles';
import { call } from '../../../../lib/api';
import { exportSheet } from '../../../../lib/sheet';

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

/** A filter choice: '' is 全部. */
interface Choice {
  key: string;
  label: string;
}

const ROLE_CHOICES: Choice[] = [
  { key: '', label: '全部' },
  { key: 'admin', label: ROLE_NAMES.admin },
  { key: 'provider', label: ROLE_NAMES.provider },
  { key: 'volunteer', label: ROLE_NAMES.volunteer },
];
const AGE_CHOICES: Choice[] = [
  { key: '', label: '全部' },
  { key: '60', label: '60 岁以上' },
  { key: '80', label: '80 岁以上' },
];

type Filter = 'community' | 'role' | 'age';

/** The chosen filters as the list (and its export) take them. */
function filtersOf(chosen: Record<Filter, string>) {
  return {
    ...(chosen.community ? { communityId: chosen.community } : {}),
    ...(chosen.role ? { withRole: chosen.role as 'admin' | 'provider' | 'volunteer' } : {}),
    ...(chosen.age ? { minAge: Number(chosen.age) } : {}),
  };
}

Component({
  // Coming back: roles may have changed on the person's page.
  behaviors: [elderModeBehavior, pagedList, reloadOnShow],
  data: {
    query: '',
    searched: '',
    items: [] as PersonLine[],
    communities: [] as Choice[],
    roles: ROLE_CHOICES,
    ages: AGE_CHOICES,
    community: '',
    role: '',
    age: '',
    exporting: false,
  },
  methods: {
    onQuery(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ query: e.detail.value });
    },
    onSearch() {
      void this.restart({ ...pageQuery(this), searched: this.data.query.trim() });
    },
    /** Narrows the list: a community, a role, an age (tapping the chosen one again is 全部). */
    onFilter(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { filter: Filter; key: string }
      >,
    ) {
      const { filter, key } = e.currentTarget.dataset;
      this.setData({ [filter]: this.data[filter] === key ? '' : key });
      void this.restart({ ...pageQuery(this) });
    },
    /** 导出表格: the people the list shows (same search and filters, masked the same), as a spreadsheet. */
    onExport() {
      const input = { query: this.data.searched, ...filtersOf(this.data) };
      return exportSheet(this, () => call('account', 'exportPeople', input));
    },
    /** People matching what was searched (everyone in scope for '') and the filters, 20 at a time. */
    async loadPage(offset: number, params: PageQuery) {
      const query = params.searched ?? '';
      const filters = filtersOf(this.data);
      const [list, places] = await Promise.all([
        call('account', 'searchUsers', { query, offset, ...filters }),
        offset === 0 && this.data.communities.length === 0
          ? call('account', 'adminCommunities')
          : Promise.resolve(undefined),
      ]);
      const communities = places?.ok
        ? {
            communities: [
              { key: '', label: '全部' },
              ...places.data.map((c) => ({ key: c.id, label: c.name })),
            ],
          }
        : {};
      return pageOf(list, personLine, { searched: query, ...communities });
    },
  },
});
