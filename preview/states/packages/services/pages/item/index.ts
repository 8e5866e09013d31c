/**
 * 服务详情与预约 pictures: an elder ordering for herself (the next half day chosen, the bar with what she pays), a
 * neighbour ordering for her, not eligible, not available here, 再来一单 of her last service, and of one taken off
 * the menu.
 */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

/** The id of the demo item with this name. */
function itemId(demo: PreviewDemo, name: string): string {
  const found = demo.cloud.store.docs('service_items').find((i) => i.name === name);
  if (!found) throw new Error(`no demo service item named ${name}`);
  return String(found._id);
}

export const states: PreviewState[] = [
  { name: '为自己预约', user: 'demo-resident-wang', query: (demo) => ({ id: itemId(demo, '助浴上门') }) },
  {
    name: '家属代约',
    user: 'demo-resident-zhang',
    query: (demo) => ({ id: itemId(demo, '康复理疗上门'), for: demo.userId('demo-resident-wang') }),
    elder: true,
  },
  { name: '本人不符合', user: 'demo-resident-zhang', query: (demo) => ({ id: itemId(demo, '助浴上门') }) },
  { name: '社区未开通', user: 'demo-resident-li', query: (demo) => ({ id: itemId(demo, '助浴上门') }) },
  { name: '出错', user: 'demo-resident-wang', query: { id: 'x' }, cloud: 'offline' },
  { name: '再来一单', user: 'demo-resident-wang', query: (demo) => againQuery(demo), elder: true },
  {
    name: '再来一单·已下架',
    user: 'demo-resident-wang',
    setup: async (demo) => {
      const { itemId } = await lastServed(demo);
      await demo.ok('services', 'demo-admin-lukou', 'reviewItem', { itemId, decision: 'retire' });
    },
    query: (demo) => againQuery(demo),
  },
];

/** 王奶奶's last service carried out, as 首页's 再来一单 tile finds it. */
async function lastServed(demo: PreviewDemo) {
  const { items } = await demo.ok('services', 'demo-resident-wang', 'myOrders', { view: 'served', limit: 1 });
  if (!items[0]) throw new Error('王奶奶 has no service carried out in the demo');
  return items[0];
}

/** The query 再来一单 opens the booking with. */
async function againQuery(demo: PreviewDemo): Promise<Record<string, string>> {
  const o = await lastServed(demo);
  return { id: o.itemId, for: o.beneficiaryId, again: o.id };
}
