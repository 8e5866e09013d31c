/** 发布微心愿 pictures: the form, for 赵桂兰. */
import type { PreviewDemo, PreviewState } from '../../../../../registry';

type Doc = Record<string, unknown> & { _id: string };

/** The demo recipient with this name. */
function recipientId(demo: PreviewDemo, name: string): string {
  const found = demo.cloud.store.docs('charity_recipients').find((r) => r.name === name) as Doc | undefined;
  if (!found) throw new Error(`no demo recipient ${name}`);
  return found._id;
}

export const states: PreviewState[] = [
  { name: '填写', user: 'demo-admin-lukou', query: (demo) => ({ recipientId: recipientId(demo, '赵桂兰') }) },
];
