/**
 * Subscription messages to donors (consent asked when pledging): at receipt, dispatch, confirmation and thanks,
 * a reminder before a pledge runs out, and its expiry. Never throws (common/notify).
 */
import { notify, templateId, thing } from '../common/notify';
import type { DonationDoc } from './documents';
import { dateTimeKey } from '../../miniprogram/shared/calendar';

/** What happened, with the template and the 5-character phrase WeChat's `phrase` field allows. */
const KINDS = {
  RECEIVED: { phrase: '已接收', note: '慈善超市已收到您的捐赠' },
  REJECTED: { phrase: '未接收', note: '物品不宜转赠，超市未接收' },
  DISPATCHED: { phrase: '配送中', note: '正在送往受助人' },
  PICKUP: { phrase: '待领取', note: '已通知受助人到超市领取' },
  CONFIRMED: { phrase: '已送达', note: '受助人已确认收到，谢谢您' },
  THANKED: { phrase: '已致谢', note: '受助人给您留了感谢的话' },
  REMINDER: { phrase: '请送达', note: '认捐即将到期，请按时送到超市' },
  EXPIRED: { phrase: '已过期', note: '认捐已过期，心愿重新开放' },
} as const;

/** A notice kind. */
export type NoticeKind = keyof typeof KINDS;

/** Tells the donor (a subscription message if they accepted messages). Resolves to whether one was sent. */
export function tellDonor(
  d: Pick<DonationDoc, '_id' | 'donorOpenid' | 'subscribed' | 'item' | 'unit' | 'quantity'>,
  kind: NoticeKind,
  at: Date,
): Promise<boolean> {
  const k = KINDS[kind];
  return notify(
    {
      touser: d.donorOpenid,
      templateId: templateId(`CHARITY_${kind}`),
      page: `packages/charity/pages/donation/index?id=${d._id}`,
      data: {
        thing1: thing(`${d.item} ${d.quantity}${d.unit}`),
        phrase2: { value: k.phrase },
        time3: { value: dateTimeKey(at) },
        thing4: thing(k.note),
      },
    },
    // Without their consent, the message only goes to their message centre.
    { send: d.subscribed },
  );
}
