/**
 * Without MULIN_CHARITY_SECRET (a deployment that forgot it) no confirmation code is ever shown or accepted —
 * predictable codes would let anyone confirm — while everything else keeps working.
 */
import { seedAccount } from '../../../seed/account';
import { openSupermarkets, registerDemoRecipients } from '../../../seed/charity';
import { DEMO_BOOTSTRAP_ADMINS } from '../../../seed/functionEnv';
import type { ActionArgs, ActionName } from '../../../cloudfunctions/manifest';
import { callerOf } from '../../support/demo';
import { startTestCloud, type LocalCloud } from '../../support/localcloud';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startTestCloud({ functionEnv: { MULIN_BOOTSTRAP_ADMINS: DEMO_BOOTSTRAP_ADMINS } });
}, 60_000);
afterAll(() => cloud.close());

const call = <A extends ActionName<'charity'>>(
  openid: string,
  action: A,
  ...input: ActionArgs<'charity', A>
) => callerOf(cloud).call('charity', openid, action, ...input);

it('shows no code and refuses to confirm by code, writing nothing', async () => {
  const account = await seedAccount(cloud);
  await openSupermarkets(cloud, account);
  const recipients = await registerDemoRecipients(cloud, account);
  const need = await call('demo-admin-lukou', 'postNeed', {
    recipientId: recipients.zhao,
    item: '大米',
    itemCategory: 'food',
    unit: '袋',
    quantity: 1,
    estimatedValue: 60,
    story: '老人腿脚不便，想要一袋大米。',
    deadline: new Date(cloud.clock.now() + 10 * 86_400_000).toISOString(),
    idempotencyKey: 'secret-need-1',
  });
  if (!need.ok) throw new Error(need.error.message);
  const d = await call('demo-resident-zhang', 'claim', {
    needId: need.data.id,
    quantity: 1,
    pledgeBy: new Date(cloud.clock.now() + 86_400_000).toISOString(),
    idempotencyKey: 'secret-claim-1',
  });
  if (!d.ok) throw new Error(d.error.message);
  expect((await call('demo-staff-xinyuan-1', 'receive', { code: d.data.code!, condition: 'good' })).ok).toBe(
    true,
  );
  expect(
    (await call('demo-staff-xinyuan-1', 'dispatch', { donationId: d.data.id, mode: 'delivery' })).ok,
  ).toBe(true);
  const admin = await call('demo-admin-lukou', 'donation', { donationId: d.data.id });
  expect(admin.ok && admin.data.confirmCode).toBeUndefined();
  const before = JSON.stringify(cloud.store.docs('charity_donations'));
  const r = await call('demo-staff-xinyuan-1', 'confirm', { donationId: d.data.id, code: '123456' });
  expect(r).toMatchObject({
    ok: false,
    error: { code: 'INTERNAL', message: '收货码服务未配置，请联系管理员' },
  });
  expect(JSON.stringify(cloud.store.docs('charity_donations'))).toBe(before);
});
