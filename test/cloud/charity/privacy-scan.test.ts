/**
 * The personal-data scan: every reply of every charity action, called as every role on every donation, need,
 * recipient and supermarket of the seeded demo (donations at every step), is searched for each recipient's real
 * name, phone and address. Only admins over the recipient's place and the staff member delivering their
 * donation (while it is on its way) may ever receive them; for everyone else, one hit fails the test.
 */
import { isAdminOver } from '../../../cloudfunctions/common/auth';
import type { UserDoc } from '../../../cloudfunctions/common/directory/users';
import type { DonationDoc, RecipientDoc } from '../../../cloudfunctions/charity/documents';
import type { ActionInput, ActionName } from '../../../cloudfunctions/manifest';
import { startDemoCloud, type DemoCloud } from '../../support/demo';
import { DAY } from './fixture';

let demo: DemoCloud;
beforeAll(async () => {
  // The whole demo (charity's seed and everyone else's data), as npm start has it.
  demo = await startDemoCloud({ full: true });
}, 180_000);
afterAll(() => demo.close());

const ROLES = [
  'never-logged-in',
  'demo-resident-zhang',
  'demo-resident-chen',
  'demo-volunteer-zhao',
  'demo-resident-wang',
  'demo-resident-li',
  'demo-staff-xinyuan-1',
  'demo-staff-xinyuan-2',
  'demo-staff-hongye-1',
  'demo-admin-lukou',
  'demo-admin-moling',
  'demo-admin-dongshan',
];

const recipients = () => demo.cloud.store.docs('charity_recipients') as unknown as RecipientDoc[];
const donations = () => demo.cloud.store.docs('charity_donations') as unknown as DonationDoc[];
const userOf = (openid: string) =>
  (demo.cloud.store.docs('users') as unknown as UserDoc[]).find((u) => u.openid === openid);

/** Whether `openid` may see `r`'s personal data right now. */
function privileged(openid: string, r: RecipientDoc): boolean {
  const user = userOf(openid);
  if (!user) return false;
  if (isAdminOver(user, r.placePath)) return true;
  return donations().some(
    (d) =>
      d.recipientId === r._id &&
      d.delivery?.staffId === user._id &&
      (d.status === 'out_for_delivery' || d.status === 'ready_for_pickup'),
  );
}

/** The strings that identify a recipient. */
function identifiers(r: RecipientDoc): string[] {
  const out = [r.name, r.address];
  if (r.phone) out.push(r.phone);
  const street = r.address.indexOf(r.streetName);
  if (street >= 0) out.push(r.address.slice(street + r.streetName.length));
  return out;
}

let scanned = 0;
const hits: string[] = [];

function scan(openid: string, act: string, reply: unknown): void {
  scanned += 1;
  const text = JSON.stringify(reply);
  const rs = recipients();
  const allowed = rs.filter((r) => privileged(openid, r));
  for (const r of rs) {
    if (allowed.includes(r)) continue;
    const tokens = identifiers(r);
    // A given name of two characters or more, unless it is part of a name the caller may see (桂兰).
    const given = [...r.name].slice(1).join('');
    if (given.length >= 2 && !allowed.some((a) => a.name.includes(given))) tokens.push(given);
    for (const t of tokens) if (text.includes(t)) hits.push(`${act} as ${openid}: ${t}`);
  }
}

async function call<A extends ActionName<'charity'>>(
  openid: string,
  act: A,
  payload: ActionInput<'charity', A>,
): Promise<void> {
  const r = await demo.call('charity', openid, act, payload);
  scan(openid, act, r);
}

let k = 0;
const key = () => `scan-${++k}`;
const at = (ms: number) => new Date(demo.cloud.clock.now() + ms).toISOString();

it('no reply carries a recipient’s real name, phone or address to anyone not entitled to it', async () => {
  const supermarkets = ['jn-lukou', 'jn-moling', 'jn-dongshan'];
  const stages = ['expected', 'toAllocate', 'toDispatch', 'inDelivery'] as const;
  for (const openid of ROLES) {
    // Public and personal lists.
    for (const [act, payload] of [
      ['supermarkets', {}],
      ['needs', {}],
      ['needs', { category: 'child' }],
      ['ledger', {}],
      ['ledger', { offset: 20 }],
      ['stats', {}],
      ['digests', {}],
      ['myDonations', {}],
      ['myReceipts', {}],
      ['recipients', {}],
      ['recipients', { includeInactive: true, query: '1' }],
      ['adminNeeds', {}],
    ] as const)
      await call(openid, act, payload);
    for (const s of supermarkets) {
      for (const stage of stages) await call(openid, 'staffQueue', { supermarketId: s, stage });
      await call(openid, 'reconciliation', { supermarketId: s });
      await call(openid, 'recordStocktake', {
        supermarketId: s,
        counts: [{ item: '大米', unit: '袋', counted: 1 }],
        idempotencyKey: key(),
      });
    }
    // Every need: read, claim one unit, close (admins of other places are refused).
    for (const n of demo.cloud.store.docs('charity_needs') as { _id: string }[]) {
      await call(openid, 'need', { needId: n._id });
      await call(openid, 'claim', {
        needId: n._id,
        quantity: 1,
        pledgeBy: at(DAY),
        subscribed: true,
        idempotencyKey: key(),
      });
    }
    // Every recipient: the admin views and edits (refused outside the admin's scope).
    for (const r of recipients()) {
      await call(openid, 'recipientDetail', { recipientId: r._id });
      await call(openid, 'updateRecipient', { recipientId: r._id, reason: '核对' });
      await call(openid, 'postNeed', {
        recipientId: r._id,
        item: '牛奶',
        itemCategory: 'food',
        unit: '箱',
        quantity: 1,
        estimatedValue: 50,
        story: '需要补充营养，想要一箱牛奶。',
        deadline: at(20 * DAY),
        idempotencyKey: key(),
      });
    }
    // Every donation: view, verify, and every step (most refused; staff move some along).
    for (const d of donations()) {
      await call(openid, 'donation', { donationId: d._id });
      await call(openid, 'verify', { donationId: d._id });
      await call(openid, 'lookupCode', { code: d.code });
      await call(openid, 'confirm', { donationId: d._id, code: '000000' });
      await call(openid, 'confirm', { donationId: d._id });
      await call(openid, 'thank', { donationId: d._id, message: '谢谢好心人' });
    }
    for (const d of donations().slice(0, 8)) {
      await call(openid, 'receive', { code: d.code, condition: 'good' });
      await call(openid, 'allocate', { donationId: d._id, needId: d.needId ?? 'none' });
      await call(openid, 'dispatch', { donationId: d._id, mode: 'delivery' });
      await call(openid, 'cancelPledge', { donationId: d._id });
    }
    await call(openid, 'pledgeToStock', {
      supermarketId: 'jn-moling',
      item: '衣物',
      itemCategory: 'clothing',
      unit: '包',
      quantity: 1,
      pledgeBy: at(DAY),
      idempotencyKey: key(),
    });
    await call(openid, 'registerRecipient', {
      name: '测试人',
      category: 'lowIncome',
      communityId: 'jn-moling-mozhou',
      address: '江宁区秣陵街道秣周社区测试路1号',
      consent: { method: 'verbal' },
      idempotencyKey: key(),
    });
    await call(openid, 'setSupermarket', {
      streetId: 'jn-dongshan',
      name: '东山街道慈善超市',
      address: '东山街道上元大街200号',
      hours: '周一至周五 9:00–17:00',
      orgIds: [],
    });
  }
  expect(hits).toEqual([]);
  // The scan looked at a lot, and privileged people did get what they need (the scan is not vacuous).
  expect(scanned).toBeGreaterThan(2000);
  const zhao = recipients().find((r) => r.name === '赵桂兰')!;
  const detail = await demo.call('charity', 'demo-admin-lukou', 'recipientDetail', { recipientId: zhao._id });
  expect(JSON.stringify(detail)).toContain(zhao.phone!);
  // …and the scanner finds that reply a leak when anyone else receives it.
  scan('demo-resident-zhang', 'probe', detail);
  expect(hits).toEqual(expect.arrayContaining([`probe as demo-resident-zhang: ${zhao.phone}`]));
}, 600_000);
