/**
 * The charity tests' world: the demo community with its supermarkets and recipients (from the charity seed),
 * and short helpers to post needs, claim, receive and move a donation along.
 */
import type { DonationView, NeedView, StepResult } from '../../../cloudfunctions/charity/contract';
import { DEMO_RECIPIENTS, openSupermarkets, registerDemoRecipients } from '../../../seed/charity';
import type { ActionArgs, ActionInput, ActionName, ActionResult } from '../../../cloudfunctions/manifest';
import { startDemoCloud, type DemoCloud } from '../../support/demo';

/** A started demo cloud with the charity side opened. */
export interface CharityWorld {
  demo: DemoCloud;
  /** Recipient ids by seed key (wang, zhao, zhou, li, qian, sunxy, sungl). */
  recipients: Record<string, string>;
  /** A fresh idempotency key. */
  key(): string;
  /** An ISO time `ms` from the cloud's now. */
  at(ms: number): string;
  postNeed(recipient: string, over?: Partial<ActionInput<'charity', 'postNeed'>>): Promise<NeedView>;
  claim(
    openid: string,
    needId: string,
    quantity: number,
    over?: Partial<ActionInput<'charity', 'claim'>>,
  ): Promise<DonationView>;
  /** Runs a step of the donation's chain (confirm, receive, allocate…) and returns the donation after it. */
  step<A extends StepAction>(
    openid: string,
    action: A,
    ...input: ActionArgs<'charity', A>
  ): Promise<DonationView>;
  close(): Promise<void>;
}

/** The charity actions that move a donation one step along its chain (their reply is a StepResult). */
export type StepAction = {
  [A in ActionName<'charity'>]: ActionResult<'charity', A> extends StepResult ? A : never;
}[ActionName<'charity'>];

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** Who is who in the charity tests. */
export const WHO = {
  lukouAdmin: 'demo-admin-lukou',
  molingAdmin: 'demo-admin-moling',
  dongshanAdmin: 'demo-admin-dongshan',
  districtAdmin: 'demo-admin-jiangning',
  lukouStaff: 'demo-staff-xinyuan-1',
  lukouStaff2: 'demo-staff-xinyuan-2',
  molingStaff: 'demo-staff-hongye-1',
  donor: 'demo-resident-zhang',
  donor2: 'demo-resident-chen',
  volunteer: 'demo-volunteer-zhao',
  wang: 'demo-resident-wang',
  li: 'demo-resident-li',
} as const;

/** The admin who registered a recipient. */
export function adminOf(recipientKey: string): string {
  return DEMO_RECIPIENTS.find((r) => r.key === recipientKey)!.admin;
}

/** Starts the world. */
export async function startCharity(): Promise<CharityWorld> {
  const demo = await startDemoCloud();
  await openSupermarkets(demo.cloud, demo.seed);
  const recipients = await registerDemoRecipients(demo.cloud, demo.seed);
  let n = 0;
  const key = () => `test-key-${++n}-${Math.random().toString(36).slice(2, 8)}`;
  const at = (ms: number) => new Date(demo.cloud.clock.now() + ms).toISOString();
  return {
    demo,
    recipients,
    key,
    at,
    postNeed: (recipient, over = {}) =>
      demo.ok('charity', adminOf(recipient), 'postNeed', {
        recipientId: recipients[recipient],
        item: '大米',
        itemCategory: 'food',
        unit: '袋',
        quantity: 3,
        estimatedValue: 60,
        story: '老人行动不便，想要几袋大米。',
        deadline: at(20 * DAY),
        idempotencyKey: key(),
        ...over,
      }),
    claim: (openid, needId, quantity, over = {}) =>
      demo.ok('charity', openid, 'claim', {
        needId,
        quantity,
        pledgeBy: at(3 * DAY),
        subscribed: true,
        idempotencyKey: key(),
        ...over,
      }),
    step: async (openid, action, ...input) =>
      ((await demo.ok('charity', openid, action, ...input)) as StepResult).donation,
    close: () => demo.close(),
  };
}
