/**
 * Helpers for the rooms cloud tests: the demo's people by role, a room of 禄口社区 made through the real function
 * (open 08:00–21:00 every day, one-hour slots), its manager, the clock set to a known Monday morning, and more
 * residents made through account.
 */
import type { ActionInput } from '../../../cloudfunctions/manifest';
import { newPeople, type DemoCloud } from '../../support/demo';
import { beijing } from '../../support/beijing';

export const LUKOU_ADMIN = 'demo-admin-lukou';
export const MOLING_ADMIN = 'demo-admin-moling';
export const WANG = 'demo-resident-wang';
export const ZHANG = 'demo-resident-zhang';
export const CHEN = 'demo-resident-chen';
export const LI = 'demo-resident-li';
export const LUKOU = 'jn-lukou-lukou';

/** Monday 7 December 2026, 06:30 in Beijing. */
export const MONDAY = '2026-12-07';
export const setMondayMorning = (demo: DemoCloud) => demo.cloud.clock.set(beijing(`${MONDAY}T06:30`));

const EVERY_DAY = Array.from({ length: 7 }, () => ({ open: 8 * 60, close: 21 * 60 }));

let made = 0;
/** A room of 禄口社区 made by its street admin; returns its id. */
export async function makeRoom(
  demo: DemoCloud,
  extra: Partial<ActionInput<'rooms', 'createRoom'>> = {},
): Promise<string> {
  const room = await demo.ok('rooms', LUKOU_ADMIN, 'createRoom', {
    communityId: LUKOU,
    name: `乒乓球室${++made}`,
    kind: '乒乓球室',
    capacity: 4,
    equipment: ['球台 2 张'],
    rules: '请穿运动鞋。',
    accessible: true,
    accessNote: '北门坡道',
    address: '禄口社区服务中心一楼',
    hours: EVERY_DAY,
    slotMinutes: 60,
    idempotencyKey: `test-room-${made}-${Date.now()}`,
    ...extra,
  });
  return room.id;
}

/** The user id of a demo person. */
export const userId = (demo: DemoCloud, openid: string) => demo.seed.userIds[openid]!;

/** New residents of 禄口社区 (logged in with a real name), `parallel` at a time. */
export function makeResidents(demo: DemoCloud, prefix: string, n: number, parallel = 8): Promise<string[]> {
  return newPeople(demo, prefix, n, parallel, (o, i) =>
    demo.ok('account', o, 'updateProfile', {
      nickname: o.slice(-8),
      communityId: LUKOU,
      realName: `居民${o.slice(-3)}`,
      phone: `139${String(20_000_000 + i).slice(-8)}`,
    }),
  );
}

let key = 0;
/** A fresh idempotency key. */
export const freshKey = () => `k-${Date.now()}-${++key}`;
