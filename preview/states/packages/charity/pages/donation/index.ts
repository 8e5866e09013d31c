/**
 * 捐赠详情 pictures: the donor with the code to show, the delivering staff with the contact, the admin with the
 * recipient's code, the public view of a thanked donation, a general-stock item waiting to be allocated, the same
 * item shared out in parts (what is left, where each part went), one part's own page, and the recipient's own:
 * her code card with 我收到了 and whom to call, then 谢谢 once received.
 */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

type Doc = Record<string, unknown> & { _id: string };

/** The demo donation of this item (and status, when given). */
function donation(demo: PreviewDemo, item: string, status?: string): Doc {
  const found = demo.cloud.store
    .docs('charity_donations')
    .find((d) => d.item === item && (!status || d.status === status)) as Doc | undefined;
  if (!found) throw new Error(`no demo donation of ${item}${status ? ` (${status})` : ''}`);
  return found;
}

export const states: PreviewState[] = [
  {
    name: '捐赠人 待送达',
    user: 'demo-resident-zhang',
    query: (demo) => ({ id: donation(demo, '大米', 'pledged')._id, new: '1' }),
  },
  {
    name: '送货人 配送中',
    user: 'demo-staff-xinyuan-2',
    query: (demo) => ({ id: donation(demo, '电热毯')._id }),
    elder: true,
  },
  {
    name: '管理员 收货码',
    user: 'demo-admin-lukou',
    query: (demo) => ({ id: donation(demo, '电热毯')._id }),
  },
  {
    name: '公开 已致谢',
    user: 'demo-resident-chen',
    query: (demo) => ({ id: donation(demo, '老花镜')._id }),
  },
  {
    name: '工作人员 待分配',
    user: 'demo-staff-xinyuan-1',
    query: (demo) => ({ id: donation(demo, '毛巾')._id }),
  },
  {
    name: '工作人员 分几份',
    user: 'demo-staff-xinyuan-1',
    setup: shareTowels,
    query: (demo) => ({ id: donation(demo, '毛巾', 'received')._id }),
    elder: true,
  },
  {
    name: '捐赠人 其中一份',
    user: 'demo-resident-chen',
    setup: shareTowels,
    query: (demo) => ({ id: donation(demo, '毛巾', 'allocated')._id }),
  },
  {
    name: '受助人 收货码',
    user: 'demo-resident-wang',
    query: (demo) => ({ id: donation(demo, '电热毯')._id }),
    elder: true,
  },
  {
    name: '受助人 致谢',
    user: 'demo-resident-li',
    query: (demo) => ({ id: donation(demo, '助行器')._id }),
    elder: true,
  },
];

/** Two of the demo's five towels go to 王奶奶 as a part of the gift (the other three wait on the shelf). */
async function shareTowels(demo: PreviewDemo): Promise<void> {
  const recipient = demo.cloud.store
    .docs('charity_recipients')
    .find((r) => r.communityId === 'jn-lukou-lukou')!;
  const need = await demo.ok('charity', 'demo-admin-lukou', 'postNeed', {
    recipientId: String(recipient._id),
    item: '毛巾',
    itemCategory: 'daily',
    unit: '条',
    quantity: 2,
    estimatedValue: 15,
    story: '冬天洗漱想换两条新毛巾。',
    deadline: new Date(demo.cloud.clock.now() + 20 * 86_400_000).toISOString(),
    idempotencyKey: 'preview-towels-need',
  });
  await demo.ok('charity', 'demo-staff-xinyuan-1', 'allocate', {
    donationId: donation(demo, '毛巾')._id,
    needId: need.id,
    quantity: 2,
    idempotencyKey: 'preview-towels-part',
  });
}
