/** 受助人详情 pictures: 王秀英 (an electric blanket on its way, with her code), for the 禄口 admin. */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

type Doc = Record<string, unknown> & { _id: string };

/** The demo recipient with this name. */
function recipientId(demo: PreviewDemo, name: string): string {
  const found = demo.cloud.store.docs('charity_recipients').find((r) => r.name === name) as Doc | undefined;
  if (!found) throw new Error(`no demo recipient ${name}`);
  return found._id;
}

export const states: PreviewState[] = [
  { name: '有数据', user: 'demo-admin-lukou', query: (demo) => ({ id: recipientId(demo, '王秀英') }) },
];
