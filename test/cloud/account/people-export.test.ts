/**
 * account.exportPeople: 人员与角色 as an .xlsx file — read back with jszip, its rows are exactly the list's rows
 * (same filters, same masking), inside the admin's scope; residents are refused and invalid input writes nothing;
 * the file is deleted by the privacyChores timer an hour after it was made.
 */
import { fireTimer, startDemoCloud, type DemoCloud } from '../../support/demo';
import { downloadSheet, exportFiles, factOf, tableOf } from '../../support/xlsx';
import type { AccountInput, UserListItem } from '../../../cloudfunctions/account/contract';
import type { Cell } from '../../../cloudfunctions/common/exports/xlsx';

const LUKOU_ADMIN = 'demo-admin-lukou';
const MOLING_ADMIN = 'demo-admin-moling';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startDemoCloud();
  demo.cloud.clock.set(new Date('2026-06-01T01:00:00Z'));
  // More people than one page of the list holds, with real names and phones to mask.
  for (let i = 0; i < 24; i += 1) {
    await demo.ok('account', LUKOU_ADMIN, 'registerElder', {
      realName: `欧阳${'一二三四五六七八九十'[i % 10]}${i}`,
      birthYear: 1930 + i,
      communityId: i % 2 === 0 ? 'jn-lukou-lukou' : 'jn-lukou-xinqiao',
      address: `禄口街道某路 ${i + 1} 号`,
      phone: `139${String(10_000_000 + i * 7919).padStart(8, '0')}`,
      idempotencyKey: `people-export-elder-${i}`,
    });
  }
});
afterAll(() => demo.close());

const files = () => exportFiles(demo.cloud.storage.rootDir);

/** Every page of searchUsers with these filters. */
async function listed(openid: string, filters: AccountInput<'exportPeople'>): Promise<UserListItem[]> {
  const all: UserListItem[] = [];
  for (let offset: number | null = 0; offset !== null;) {
    const page: { items: UserListItem[]; next: number | null } = await demo.ok(
      'account',
      openid,
      'searchUsers',
      { ...filters, offset },
    );
    all.push(...page.items);
    offset = page.next;
  }
  return all;
}

/** A row as read back: empty text is an empty cell; no trailing empties. */
function cells(row: readonly Cell[]): Cell[] {
  const out = row.map((c) => (c === '' || c === undefined ? null : c));
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
}

/** What the screen shows of a person, column by column. */
const expected = (u: UserListItem): Cell[] =>
  cells([
    u.nickname,
    u.realNameMasked ?? null,
    u.communityName ?? null,
    u.age ?? null,
    u.phoneMasked ?? null,
    u.kind === 'proxy' ? '代登记' : '本人',
    u.roles
      .map((r) => {
        const name = { admin: '管理员', provider: '服务人员', volunteer: '志愿者' }[r.role];
        const where = r.role === 'provider' ? r.orgName : r.scopeName;
        return where ? `${name} · ${where}` : name;
      })
      .join('、'),
  ]);

async function exported(openid: string, filters: AccountInput<'exportPeople'>) {
  const r = await demo.call('account', openid, 'exportPeople', filters);
  if (!r.ok) throw new Error(r.error.message);
  expect(r.roundTrips).toBeLessThanOrEqual(3);
  expect(r.data.fileName).toMatch(/^人员名单_.+\.xlsx$/);
  const sheet = await downloadSheet(r.data.url);
  return { reply: r.data, sheet, table: tableOf(sheet.rows, '昵称') };
}

it('holds exactly the rows of the list, masked as the list masks them, under a header block', async () => {
  const people = await listed(LUKOU_ADMIN, {});
  expect(people.length).toBeGreaterThan(20); // more than one page of the list
  const { reply, sheet, table } = await exported(LUKOU_ADMIN, {});
  expect(table.columns).toEqual(['昵称', '姓名', '社区', '年龄', '手机', '登记方式', '角色']);
  expect(table.body.map(cells)).toEqual(people.map(expected));
  expect(reply.rows).toBe(people.length);
  expect(reply.linkMinutes).toBeLessThanOrEqual(10);

  expect(sheet.rows[0]![0]).toBe('人员名单（禄口街道）');
  expect(factOf(sheet.rows, '统计时段')).toBe('开通以来至2026年6月1日');
  expect(factOf(sheet.rows, '人数')).toBe(people.length);
  expect(factOf(sheet.rows, '筛选条件')).toBe('全部');
  // Ages are numbers; nothing in the file is a full phone number or a full real name.
  expect(table.body.some((r) => typeof r[3] === 'number')).toBe(true);
  const text = JSON.stringify(sheet.rows);
  expect(text).not.toMatch(/\d{7,}/);
  // (An elder registered without WeChat goes by their name as nickname, on the screen as here.)
  expect(table.body.filter((r) => r[1] === '欧*' && /^139\*{4}\d{4}$/.test(String(r[4])))).toHaveLength(24);
  for (const r of table.body) if (r[1]) expect(r[1]).toMatch(/^.\*$/u);
});

it('keeps the list filters, and names them', async () => {
  const filters = { minAge: 80, communityId: 'jn-lukou-lukou' };
  const people = await listed(LUKOU_ADMIN, filters);
  expect(people.length).toBeGreaterThan(0);
  const { sheet, table } = await exported(LUKOU_ADMIN, filters);
  expect(table.body.map(cells)).toEqual(people.map(expected));
  expect(table.body.every((r) => r[2] === '禄口社区' && Number(r[3]) >= 80)).toBe(true);
  expect(factOf(sheet.rows, '筛选条件')).toBe('禄口社区，80 岁以上');
  expect(factOf(sheet.rows, '其中 80 岁以上')).toBe(people.length);
});

it("gives another street's admin only their own people", async () => {
  const lukou = new Set((await listed(LUKOU_ADMIN, {})).map((u) => u.communityName));
  const { sheet, table } = await exported(MOLING_ADMIN, {});
  expect(sheet.rows[0]![0]).toBe('人员名单（秣陵街道）');
  expect(table.body.map(cells)).toEqual((await listed(MOLING_ADMIN, {})).map(expected));
  expect(table.body.filter((r) => lukou.has(r[2] as string))).toEqual([]);
  // Asking for a 禄口 community finds nobody: the scope holds whatever the filter.
  const other = await exported(MOLING_ADMIN, { communityId: 'jn-lukou-xinqiao' });
  expect(other.table.body).toEqual([]);
});

it('refuses residents and invalid input, and writes no file for them', async () => {
  const before = files();
  expect(await demo.call('account', 'demo-resident-wang', 'exportPeople', {})).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(await demo.call('account', 'demo-staff-xinyuan-1', 'exportPeople', {})).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  for (const payload of [{ minAge: -1 }, { offset: 0 }, { openid: LUKOU_ADMIN }, { withRole: 'mayor' }]) {
    expect(await demo.unchecked('account', LUKOU_ADMIN, 'exportPeople', payload)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  }
  expect(files()).toEqual(before);
});

it('deletes the file an hour after it was made, not before', async () => {
  const before = files();
  await exported(LUKOU_ADMIN, { minAge: 80 });
  const made = files().filter((f) => !before.includes(f));
  expect(made).toHaveLength(1);
  const path = made[0]!.slice(made[0]!.indexOf('exports/'));
  const record = () =>
    (demo.cloud.store.docs('sheet_files') as unknown as { fileId: string }[]).filter((d) =>
      d.fileId.endsWith(path),
    );
  expect(record()).toHaveLength(1);

  demo.cloud.clock.advance(59 * 60_000);
  await fireTimer(demo.cloud, 'account', 'privacyChores');
  expect(files()).toContain(made[0]);
  demo.cloud.clock.advance(2 * 60_000);
  const run = await fireTimer<{ sheetsDropped: number }>(demo.cloud, 'account', 'privacyChores');
  expect(run.sheetsDropped).toBeGreaterThanOrEqual(1);
  expect(files()).not.toContain(made[0]);
  expect(record()).toHaveLength(0);
});
