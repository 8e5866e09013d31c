/** 服务详情与预约 pictures: an elder ordering for herself, a neighbour ordering for her, not available here. */
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
];
