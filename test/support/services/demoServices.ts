/**
 * The demo community with the services function: the clock set to a known Monday morning in Beijing, calls to
 * `services` as the demo people, and items put on the menu the way the product does it (staff propose, the
 * street admin approves).
 */
import type { OrderView } from '../../../cloudfunctions/services/contract';
import type { Reply } from '../../../cloudfunctions/common/reply';
import type { ActionArgs, ActionInput, ActionName, ActionResult } from '../../../cloudfunctions/manifest';
import { startDemoCloud, type DemoCloud } from '../demo';
import { addDays, dateKey, slotKey } from '../../../miniprogram/shared/calendar';

/** Monday 1 June 2026, 09:00 in Beijing: 王奶奶 is 84, 李爷爷 82, 孙桂兰 88. */
export const AT = new Date('2026-06-01T01:00:00Z');

/** The demo people the services tests use, by role. */
export const P = {
  wang: 'demo-resident-wang',
  li: 'demo-resident-li',
  zhang: 'demo-resident-zhang',
  chen: 'demo-resident-chen',
  zhao: 'demo-volunteer-zhao',
  lin: 'demo-staff-xinyuan-1',
  he: 'demo-staff-xinyuan-2',
  song: 'demo-staff-hongye-1',
  lukou: 'demo-admin-lukou',
  moling: 'demo-admin-moling',
  dongshan: 'demo-admin-dongshan',
  district: 'demo-admin-jiangning',
} as const;

/** Communities of the demo. */
export const C = {
  lukou: 'jn-lukou-lukou',
  xinqiao: 'jn-lukou-xinqiao',
  moling: 'jn-moling-moling',
  dongshan: 'jn-dongshan-dongshan',
} as const;

/** A started demo with services helpers. */
export interface ServicesDemo extends DemoCloud {
  /** Calls `services` (typed like `call`). */
  svc<A extends ServicesAction>(
    openid: string,
    action: A,
    ...input: ActionArgs<'services', A>
  ): Promise<Reply<ActionResult<'services', A>> & { roundTrips: number }>;
  /** Calls `services` and returns the data (fails the test on an error reply). */
  sok<A extends ServicesAction>(
    openid: string,
    action: A,
    ...input: ActionArgs<'services', A>
  ): Promise<ActionResult<'services', A>>;
  /** A slot key `days` after AT's Beijing date. */
  slot(days: number, period?: 'am' | 'pm'): string;
  /** Puts an item on the menu: proposed by `staff` and approved by `admin`. Returns its id. */
  approvedItem(
    over?: Partial<ActionInput<'services', 'proposeItem'>>,
    staff?: string,
    admin?: string,
  ): Promise<string>;
  /** Places an order (self unless beneficiaryId is given). */
  order(
    openid: string,
    itemId: string,
    slot: string,
    extra?: Partial<ActionInput<'services', 'placeOrder'>>,
  ): Promise<OrderView>;
  /** User id of a demo openid (or of a person added with `person`). */
  id(openid: string): string;
  /** Fires a timer of the services function; returns its summary (fails the test if it failed). */
  fire<T = unknown>(trigger: 'rematch' | 'monthlyVouchers' | 'pruneSlots'): Promise<T>;
  /** Adds a resident who logged in and set a community (and optionally more profile fields). */
  person(openid: string, profile: ActionInput<'account', 'updateProfile'>): Promise<string>;
  /** An admin registers an organization and makes the given new people its staff. Returns its id. */
  addOrg(
    admin: string,
    name: string,
    communityIds: string[],
    scopeId: string,
    staff: string[],
  ): Promise<string>;
}

type ServicesAction = ActionName<'services'>;

let keys = 0;
/** A fresh idempotency key. */
export function key(prefix = 'k'): string {
  keys += 1;
  return `${prefix}-${String(keys).padStart(6, '0')}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Starts the demo cloud with the clock at AT. */
export async function startServicesDemo(): Promise<ServicesDemo> {
  const demo = await startDemoCloud();
  demo.cloud.clock.set(AT);
  const svc: ServicesDemo['svc'] = (openid, action, ...input) =>
    demo.call('services', openid, action, ...input);
  const sok: ServicesDemo['sok'] = (openid, action, ...input) =>
    demo.ok('services', openid, action, ...input);
  const added = new Map<string, string>();
  const person = async (openid: string, profile: Record<string, unknown>) => {
    const me = await demo.ok('account', openid, 'login');
    await demo.ok('account', openid, 'updateProfile', profile);
    added.set(openid, me.id);
    return me.id;
  };
  return {
    ...demo,
    svc,
    sok,
    slot: (days, period = 'am') => slotKey(addDays(dateKey(AT), days), period),
    approvedItem: async (over = {}, staff: string = P.lin, admin: string = P.lukou) => {
      const item = await sok(staff, 'proposeItem', {
        name: '助浴上门',
        category: '助浴',
        description: '两名护理员上门协助洗浴，自带防滑垫和洗浴椅',
        unit: '次',
        priceType: 'voucher',
        priceYuan: 30,
        eligibility: ['age80', 'disabled'],
        communityIds: [C.lukou],
        capacityPerSlot: 2,
        durationMinutes: 90,
        idempotencyKey: key('item'),
        ...over,
      });
      await sok(admin, 'reviewItem', { itemId: item.id, decision: 'approve' });
      return item.id;
    },
    order: (openid, itemId, slot, extra = {}) =>
      sok(openid, 'placeOrder', {
        itemId,
        slot,
        subscribed: ['ORDER_STATUS', 'SERVICE_SURVEY'],
        idempotencyKey: key('order'),
        ...extra,
      }),
    id: (openid) => demo.seed.userIds[openid] ?? added.get(openid)!,
    person,
    fire: async <T>(trigger: string) => {
      const outcome = await demo.cloud.timers.fire('services', trigger);
      if (!outcome.ok) throw new Error(`timer ${trigger}: ${outcome.error.message}`);
      const reply = JSON.parse(outcome.resultJson) as Reply<T>;
      if (!reply.ok) throw new Error(`timer ${trigger}: ${reply.error.code} ${reply.error.message}`);
      return reply.data;
    },
    addOrg: async (admin, name, communityIds, scopeId, staff) => {
      const org = await demo.ok('account', admin, 'createOrg', {
        name,
        description: `${name}：社区居家养老服务`,
        services: ['助餐', '助浴', '助洁'],
        communityIds,
        scopeId,
        idempotencyKey: key('org'),
      });
      for (const openid of staff) {
        const userId = await person(openid, {
          nickname: `${name.slice(0, 4)} 员工`,
          communityId: communityIds[0],
        });
        await demo.ok('account', admin, 'grantRole', {
          targetUserId: userId,
          targetRole: 'provider',
          orgId: org.id,
        });
      }
      return org.id;
    },
  };
}

/** A free item for 禄口社区 as 心苑's staff propose it: `name` in `category`, for tests that order or approve one. */
export function freeItem(
  name: string,
  category: ActionInput<'services', 'proposeItem'>['category'],
  idempotencyKey: string,
): ActionInput<'services', 'proposeItem'> {
  return {
    name,
    category,
    description: `${name}，社区居民免费`,
    unit: '次',
    priceType: 'free',
    priceYuan: 0,
    eligibility: [],
    communityIds: [C.lukou],
    capacityPerSlot: 5,
    durationMinutes: 30,
    idempotencyKey,
  };
}
