/**
 * The reports side of the demo (随手拍 and grid reports), written through the real functions: 禄口社区 and 秣陵社区
 * each divided into two grids (boundaries drawn around the communities' centres), each grid with its team
 * 1 + 2 + N; the 22 departments and 66 matters of seed/reportMatters.ts in both streets, a few departments with
 * staff; and reports in every state — waiting for a patrol, dispatched and overdue (escalated), accepted, resolved
 * and waiting for the reporter, reopened, closed and rated, dismissed on site, and one merged into another.
 */
import type { ActionArgs, ActionName } from '../cloudfunctions/manifest';
import type { LocalCloud } from '../localcloud/cloud';
import { callOk } from './call';
import { png } from './png';
import { DEMO_MATTERS } from './reportMatters';

/** Grid teams and department staff (README lists them with the demo people). */
export const REPORT_PEOPLE = [
  ['demo-grid-lk-1', '孙建华', 'jn-lukou-lukou', '13951700201'],
  ['demo-grid-lk-2', '吴晓梅', 'jn-lukou-lukou', '13951700202'],
  ['demo-grid-lk-3', '郑国强', 'jn-lukou-lukou', '13951700203'],
  ['demo-grid-lk-4', '冯丽', 'jn-lukou-lukou', '13951700204'],
  ['demo-grid-lk-5', '陈志远', 'jn-lukou-lukou', '13951700205'],
  ['demo-grid-lk-6', '褚红', 'jn-lukou-lukou', '13951700206'],
  ['demo-grid-ml-1', '卫东', 'jn-moling-moling', '13951700211'],
  ['demo-grid-ml-2', '蒋雪', 'jn-moling-moling', '13951700212'],
  ['demo-grid-ml-3', '沈涛', 'jn-moling-moling', '13951700213'],
  ['demo-grid-ml-4', '韩静', 'jn-moling-moling', '13951700214'],
  ['demo-grid-ml-5', '杨帆', 'jn-moling-moling', '13951700215'],
  ['demo-grid-ml-6', '朱琳', 'jn-moling-moling', '13951700216'],
  ['demo-dept-lk-cg', '秦队长', 'jn-lukou-lukou', '13951700221'],
  ['demo-dept-lk-zj', '许工', 'jn-lukou-xinqiao', '13951700222'],
  ['demo-dept-lk-xf', '何参谋', 'jn-lukou-lukou', '13951700223'],
  ['demo-dept-lk-gd', '吕师傅', 'jn-lukou-tongshan', '13951700224'],
  ['demo-dept-ml-cg', '施队长', 'jn-moling-moling', '13951700231'],
] as const;

/** A rectangle `[lng, lat]` ring. */
const rect = (west: number, south: number, east: number, north: number): [number, number][] => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
];

/** The grids: 禄口社区 (centre 31.737, 118.866) and 秣陵社区 (31.878, 118.795), two each. */
const GRIDS = [
  {
    key: 'lkE',
    community: 'jn-lukou-lukou',
    name: '东片网格',
    ring: rect(118.866, 31.731, 118.874, 31.743),
    team: ['demo-grid-lk-1', 'demo-grid-lk-2', 'demo-grid-lk-3', 'demo-resident-zhou'],
    buildings: ['禄口新村 1–8 栋', '机场路沿街商铺'],
  },
  {
    key: 'lkW',
    community: 'jn-lukou-lukou',
    name: '西片网格',
    ring: rect(118.858, 31.731, 118.866, 31.743),
    team: ['demo-grid-lk-4', 'demo-grid-lk-5', 'demo-grid-lk-6'],
    buildings: ['禄口新村 9–16 栋', '禄口菜场'],
  },
  {
    key: 'mlN',
    community: 'jn-moling-moling',
    name: '北片网格',
    ring: rect(118.788, 31.878, 118.802, 31.886),
    team: ['demo-grid-ml-1', 'demo-grid-ml-2', 'demo-grid-ml-3', 'demo-volunteer-zhao'],
    buildings: ['秣陵花园 1–6 栋'],
  },
  {
    key: 'mlS',
    community: 'jn-moling-moling',
    name: '南片网格',
    ring: rect(118.788, 31.87, 118.802, 31.878),
    team: ['demo-grid-ml-4', 'demo-grid-ml-5', 'demo-grid-ml-6'],
    buildings: ['秣陵花园 7–12 栋', '秣陵老街'],
  },
] as const;

const STAFF: Record<string, Record<string, string>> = {
  'jn-lukou': {
    城管: 'demo-dept-lk-cg',
    住建: 'demo-dept-lk-zj',
    消防: 'demo-dept-lk-xf',
    供电: 'demo-dept-lk-gd',
  },
  'jn-moling': { 城管: 'demo-dept-ml-cg' },
};
const ADMINS: Record<string, string> = { 'jn-lukou': 'demo-admin-lukou', 'jn-moling': 'demo-admin-moling' };

const HOUR = 3_600_000;

/** Seeds the reports; returns a one-line summary. */
export async function seedReports(cloud: LocalCloud): Promise<string> {
  const offsetBefore = cloud.clock.offset();
  const T = cloud.clock.now();
  const at = (hoursAgo: number) => cloud.clock.set(T - hoursAgo * HOUR);
  const reports = <A extends ActionName<'reports'>>(
    openid: string,
    action: A,
    ...input: ActionArgs<'reports', A>
  ) => callOk(cloud, 'reports', openid, action, ...input);
  const idOf = (openid: string) => String(cloud.store.docs('users').find((u) => u.openid === openid)!._id);
  let n = 0;
  const photo = (openid: string, rgb: [number, number, number]) =>
    cloud.storage.putFile(`reports/${idOf(openid)}/seed-${++n}.png`, png(rgb, 320, 240));

  try {
    at(24 * 10);
    for (const [openid, realName, communityId, phone] of REPORT_PEOPLE) {
      await callOk(cloud, 'account', openid, 'login');
      await callOk(cloud, 'account', openid, 'updateProfile', {
        nickname: realName,
        realName,
        communityId,
        phone,
      });
    }
    const gridIds: Record<string, string> = {};
    for (const g of GRIDS) {
      const street = g.community.split('-').slice(0, 2).join('-');
      const { id } = await reports(ADMINS[street]!, 'saveGrid', {
        communityId: g.community,
        name: g.name,
        boundary: g.ring,
        buildings: [...g.buildings],
      });
      gridIds[g.key] = id;
      await reports(ADMINS[street]!, 'setGridTeam', {
        gridId: id,
        members: g.team.map((o, i) => ({
          userId: idOf(o),
          role: i === 0 ? ('leader' as const) : i < 3 ? ('member' as const) : ('liaison' as const),
        })),
      });
    }
    const matters: Record<string, Record<string, string>> = {};
    let matterCount = 0;
    for (const street of ['jn-lukou', 'jn-moling']) {
      matters[street] = {};
      for (const [department, list] of Object.entries(DEMO_MATTERS)) {
        const staff = STAFF[street]![department];
        const { id: departmentId } = await reports(ADMINS[street]!, 'saveDepartment', {
          streetId: street,
          name: department,
          staffIds: staff ? [idOf(staff)] : [],
        });
        for (const [name, category, respondHours, resolveHours, patrolFirst] of list) {
          const m = await reports(ADMINS[street]!, 'saveMatter', {
            streetId: street,
            name,
            category,
            departmentId,
            respondHours,
            resolveHours,
            patrolFirst,
          });
          matters[street]![name] = m.id;
          matterCount++;
        }
      }
    }
    const lk = matters['jn-lukou']!;
    const ml = matters['jn-moling']!;
    const submit = async (
      who: string,
      matterId: string,
      where: [number, number],
      address: string,
      description: string,
      rgb: [number, number, number],
    ) =>
      (
        await reports(who, 'submit', {
          matterId,
          location: { latitude: where[0], longitude: where[1] },
          address,
          description,
          photos: [photo(who, rgb)],
          idempotencyKey: `seed-report-${++n}`,
        })
      ).id;
    const result = (who: string, rgb: [number, number, number]) => [photo(who, rgb)];

    // Closed and rated: rubbish by the market, cleared the same day.
    at(72);
    const rubbish = await submit(
      'demo-resident-wang',
      lk['垃圾乱堆']!,
      [31.7372, 118.8628],
      '禄口菜场西门',
      '菜场西门垃圾堆了好几天，有味道。',
      [120, 140, 90],
    );
    at(71);
    await reports('demo-dept-lk-cg', 'accept', { reportId: rubbish });
    at(66);
    await reports('demo-dept-lk-cg', 'resolve', {
      reportId: rubbish,
      note: '已清运，并加了一个垃圾桶',
      photos: result('demo-dept-lk-cg', [90, 160, 120]),
    });
    at(60);
    await reports('demo-resident-wang', 'closeReport', {
      reportId: rubbish,
      rating: 5,
      comment: '很快，谢谢',
    });

    // Dismissed on site: a shed that turned out to have a permit.
    at(50);
    const shed = await submit(
      'demo-resident-zhang',
      lk['违章搭建']!,
      [31.735, 118.87],
      '禄口新村 3 栋楼顶',
      '3 栋楼顶好像在搭棚子。',
      [150, 130, 110],
    );
    at(47);
    await reports('demo-grid-lk-2', 'patrolConfirm', {
      reportId: shed,
      found: false,
      note: '是经过审批的太阳能支架',
      location: { latitude: 31.735, longitude: 118.87 },
      photos: result('demo-grid-lk-2', [170, 170, 160]),
    });

    // Confirmed on site, dispatched to 住建, accepted: a pothole.
    at(48);
    const pothole = await submit(
      'demo-resident-wang',
      lk['道路坑洼']!,
      [31.739, 118.868],
      '机场路 12 号门口',
      '门口路面一个大坑，老人走路容易绊倒。',
      [100, 100, 100],
    );
    at(46);
    await reports('demo-grid-lk-1', 'patrolConfirm', {
      reportId: pothole,
      found: true,
      note: '坑约半米宽，已放警示锥',
      location: { latitude: 31.739, longitude: 118.868 },
      photos: result('demo-grid-lk-1', [200, 120, 40]),
    });
    at(40);
    await reports('demo-dept-lk-zj', 'accept', { reportId: pothole });

    // Resolved, then reopened by the reporter: a manhole cover.
    at(40);
    const manhole = await submit(
      'demo-resident-zhang',
      lk['井盖缺失']!,
      [31.7365, 118.8605],
      '禄口新村 12 栋旁',
      '井盖不见了，很危险。',
      [80, 80, 90],
    );
    at(39.5);
    await reports('demo-dept-lk-zj', 'accept', { reportId: manhole });
    at(36);
    await reports('demo-dept-lk-zj', 'resolve', {
      reportId: manhole,
      note: '已装临时井盖',
      photos: result('demo-dept-lk-zj', [60, 60, 70]),
    });
    at(30);
    await reports('demo-resident-zhang', 'reopen', { reportId: manhole, reason: '临时井盖会晃，还是不安全' });

    // Resolved and waiting for the reporter: a street lamp.
    at(28);
    const lamp = await submit(
      'demo-resident-zhou',
      lk['路灯不亮']!,
      [31.741, 118.872],
      '东片 7 栋前',
      '7 栋前的路灯一直不亮。',
      [30, 30, 60],
    );
    at(27);
    await reports('demo-dept-lk-gd', 'accept', { reportId: lamp });
    at(20);
    await reports('demo-dept-lk-gd', 'resolve', {
      reportId: lamp,
      note: '更换了灯泡和镇流器',
      photos: result('demo-dept-lk-gd', [250, 220, 120]),
    });

    // Dispatched and never accepted: overdue, escalated to the street by the timer.
    at(20);
    await submit(
      'demo-resident-zhang',
      lk['楼道堆物']!,
      [31.7375, 118.8615],
      '禄口新村 10 栋 2 单元',
      '楼道里堆满纸箱，消防通道过不去。',
      [170, 140, 100],
    );

    // Waiting for a patrol, and a phone call back by the grid team.
    at(3);
    const stall = await submit(
      'demo-resident-wang',
      lk['占道经营']!,
      [31.738, 118.869],
      '机场路与禄口大街路口',
      '路口早上有摊贩占道，车过不去。',
      [210, 160, 90],
    );
    await reports('demo-grid-lk-1', 'callBack', { reportId: stall });

    // Reported by one, then by another nearby: merged into one, both follow it.
    at(2);
    const drain = await submit(
      'demo-resident-zhang',
      lk['下水道堵塞']!,
      [31.7342, 118.8682],
      '禄口新村 5 栋后',
      '下水道堵了，污水冒出来。',
      [90, 110, 120],
    );
    at(1);
    await submit(
      'demo-resident-wang',
      lk['下水道堵塞']!,
      [31.7344, 118.8684],
      '5 栋后面',
      '这里下水道又堵了。',
      [95, 115, 125],
    );
    void drain;

    // 秣陵: closed and rated, and one just dispatched.
    at(30);
    const bins = await submit(
      'demo-resident-li',
      ml['垃圾乱堆']!,
      [31.882, 118.795],
      '秣陵花园 2 栋',
      '垃圾桶不够用，满出来了。',
      [120, 150, 90],
    );
    at(29);
    await reports('demo-dept-ml-cg', 'accept', { reportId: bins });
    at(24);
    await reports('demo-dept-ml-cg', 'resolve', {
      reportId: bins,
      note: '增设两个垃圾桶',
      photos: result('demo-dept-ml-cg', [80, 150, 110]),
    });
    at(22);
    await reports('demo-resident-li', 'closeReport', { reportId: bins, rating: 4, comment: '' });
    at(5);
    await submit(
      'demo-resident-qian',
      ml['噪音扰民']!,
      [31.874, 118.793],
      '秣陵老街 15 号',
      '晚上十点后还有装修噪音。',
      [140, 120, 160],
    );

    cloud.clock.set(T);
    const out = await cloud.timers.fire('reports', 'escalate');
    if (!out.ok) throw new Error(`reports escalate: ${out.error.message}`);
    const docs = cloud.store.docs('reports');
    const by = (s: string) => docs.filter((r) => r.status === s).length;
    return `${GRIDS.length} grids, ${Object.keys(DEMO_MATTERS).length * 2} departments, ${matterCount} matters, ${docs.length} reports (${by('patrol')} patrol, ${by('dispatched')} dispatched, ${by('accepted')} accepted, ${by('resolved')} resolved, ${by('closed')} closed, ${by('dismissed')} dismissed)`;
  } finally {
    cloud.clock.advance(offsetBefore - cloud.clock.offset());
  }
}

/** The id of the demo report with this description's start (for tests and picture states), or throws. */
export function demoReportId(cloud: Pick<LocalCloud, 'store'>, start: string): string {
  const found = cloud.store.docs('reports').find((r) => String(r.description).startsWith(start));
  if (!found) throw new Error(`no demo report starting ${start}`);
  return String(found._id);
}
