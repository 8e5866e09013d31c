/**
 * The people list as a spreadsheet: the same masked lines the admin sees on 人员与角色 (nickname, family name
 * and a star, age, masked phone), one column each — never more personal data than the screen shows. Pure.
 */
import type { Cell } from '../../common/exports/xlsx';
import type { Report } from '../../common/exports/report';
import { ROLE_NAMES, roleLabel } from '../../../miniprogram/shared/choices';
import type { UserListItem } from '../contract';
import type { PeopleFilters } from '../steps/people';

/** The columns, in the order of the screen's line. */
export const PEOPLE_COLUMNS = ['昵称', '姓名', '社区', '年龄', '手机', '登记方式', '角色'] as const;

/** One person as a row (age a number; masked name and phone as the list has them). */
export function personRow(u: UserListItem): Cell[] {
  return [
    u.nickname,
    u.realNameMasked ?? '',
    u.communityName ?? '',
    u.age ?? null,
    u.phoneMasked ?? '',
    u.kind === 'proxy' ? '代登记' : '本人',
    u.roles.map(roleLabel).join('、'),
  ];
}

/** The filters in words, for the header block (`全部` when none). */
export function filtersText(f: PeopleFilters, communityName: string | undefined): string {
  const parts = [
    f.query ? `搜索“${f.query}”` : '',
    f.communityId ? (communityName ?? '所选社区') : '',
    f.withRole ? ROLE_NAMES[f.withRole] : '',
    f.minAge !== undefined ? `${f.minAge} 岁以上` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('，') : '全部';
}

/** The report: people of `place`, as of `madeAt`; `cut` when there were more than the file holds. */
export function peopleReport(args: {
  people: UserListItem[];
  filters: PeopleFilters;
  place: string;
  communityName?: string;
  madeAt: Date;
  cut: boolean;
}): Report {
  const elders = args.people.filter((p) => (p.age ?? 0) >= 80).length;
  return {
    what: '人员名单',
    place: args.place,
    period: {},
    madeAt: args.madeAt,
    facts: [
      ['筛选条件', filtersText(args.filters, args.communityName)],
      ['人数', args.people.length],
      ['其中 80 岁以上', elders],
      [
        '说明',
        args.cut ? `只含前 ${args.people.length} 人，请按社区或条件分开导出` : '姓名、手机号已隐去部分',
      ],
    ],
    columns: PEOPLE_COLUMNS,
    rows: args.people.map(personRow),
  };
}
