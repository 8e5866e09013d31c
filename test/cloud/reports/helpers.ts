/**
 * Helpers for the reports cloud tests: a street set up through the real function by 禄口's admin — one grid drawn
 * around 禄口社区's centre with a team 1 + 2 + N, three departments with staff, and matters with and without a
 * patrol first — plus residents made through account, and photo ids in each person's own upload folder.
 */
import { RISKY_MEDIA_MARKER } from '../../../localcloud/openapi/mediaMarker';
import { png } from '../../../seed/png';
import { newPeople, type DemoCloud } from '../../support/demo';
import { beijing } from '../../support/beijing';

export const LUKOU_ADMIN = 'demo-admin-lukou';
export const MOLING_ADMIN = 'demo-admin-moling';
export const WANG = 'demo-resident-wang';
export const ZHANG = 'demo-resident-zhang';
export const LI = 'demo-resident-li';
export const LUKOU = 'jn-lukou-lukou';
export const STREET = 'jn-lukou';
/** 禄口社区's centre. */
export const CENTRE = { latitude: 31.737, longitude: 118.866 };
/** A point ~40 m from the centre; one ~3 km off, outside the grid. */
export const NEAR = { latitude: 31.7373, longitude: 118.8663 };
export const OUTSIDE = { latitude: 31.76, longitude: 118.866 };

export const setMorning = (demo: DemoCloud) => demo.cloud.clock.set(beijing('2026-12-07T08:00'));

/** The user id of a demo person. */
export const userId = (demo: DemoCloud, openid: string) => {
  const u = demo.cloud.store.docs('users').find((d) => d['openid'] === openid);
  return u!['_id'] as string;
};

/** A photo uploaded into the person's own folder (`risky`: one the image check refuses); its file id. */
export const photo = (demo: DemoCloud, openid: string, n = 1, risky = false) =>
  demo.cloud.storage.putFile(
    `reports/${userId(demo, openid)}/p-${n}${risky ? '-r' : ''}.png`,
    Buffer.concat([png([120, 140, 90], 8, 8), Buffer.from(risky ? RISKY_MEDIA_MARKER : '')]),
  );

/** New people of 禄口社区 with a phone, `parallel` at a time. */
export function makePeople(demo: DemoCloud, prefix: string, n: number, parallel = 6): Promise<string[]> {
  return newPeople(demo, prefix, n, parallel, (o, i) =>
    demo.ok('account', o, 'updateProfile', {
      nickname: `居民${i}`,
      communityId: LUKOU,
      realName: `网格${String.fromCharCode(0x4e00 + i)}`,
      phone: `137${String(10_000_000 + i).slice(-8)}`,
    }),
  );
}

let keys = 0;
/** A fresh idempotency key. */
export const freshKey = () => `rk-${Date.now()}-${++keys}`;

/** What setUpStreet made. */
export interface Street {
  gridId: string;
  team: string[];
  staff: { city: string; housing: string };
  departments: { city: string; housing: string; market: string };
  matters: { litter: string; pothole: string; lamp: string };
}

/** A grid of ~1 km around 禄口社区's centre, its team (`teamSize` people: leader, members, liaisons), departments. */
export async function setUpStreet(demo: DemoCloud, teamSize = 4): Promise<Street> {
  const people = await makePeople(demo, 'rp', teamSize + 2);
  const team = people.slice(0, teamSize);
  const [cityStaff, housingStaff] = people.slice(teamSize);
  const d = 0.005;
  const { id: gridId } = await demo.ok('reports', LUKOU_ADMIN, 'saveGrid', {
    communityId: LUKOU,
    name: '第一网格',
    boundary: [
      [CENTRE.longitude - d, CENTRE.latitude - d],
      [CENTRE.longitude + d, CENTRE.latitude - d],
      [CENTRE.longitude + d, CENTRE.latitude + d],
      [CENTRE.longitude - d, CENTRE.latitude + d],
    ],
    buildings: ['1 栋', '2 栋'],
  });
  await demo.ok('reports', LUKOU_ADMIN, 'setGridTeam', {
    gridId,
    members: team.map((o, i) => ({
      userId: userId(demo, o),
      role: i === 0 ? ('leader' as const) : i < 3 ? ('member' as const) : ('liaison' as const),
    })),
  });
  const dept = async (name: string, staff: string[]) =>
    (
      await demo.ok('reports', LUKOU_ADMIN, 'saveDepartment', {
        streetId: STREET,
        name,
        staffIds: staff.map((o) => userId(demo, o)),
      })
    ).id;
  const departments = {
    city: await dept('城管', [cityStaff!]),
    housing: await dept('住建', [housingStaff!]),
    market: await dept('市场监管', []),
  };
  const matter = async (name: string, departmentId: string, patrolFirst: boolean) =>
    (
      await demo.ok('reports', LUKOU_ADMIN, 'saveMatter', {
        streetId: STREET,
        name,
        category: '市容环境',
        departmentId,
        respondHours: 4,
        resolveHours: 48,
        patrolFirst,
      })
    ).id;
  return {
    gridId,
    team,
    staff: { city: cityStaff!, housing: housingStaff! },
    departments,
    matters: {
      litter: await matter('垃圾乱堆', departments.city, false),
      pothole: await matter('道路坑洼', departments.housing, true),
      lamp: await matter('路灯不亮', departments.city, true),
    },
  };
}
