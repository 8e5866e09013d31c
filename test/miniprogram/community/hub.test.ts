/** 公益 tab against the real functions with the whole demo community: proposals, volunteering and charity. */
import { resetSession } from '../../../miniprogram/lib/session';
import { closePage, loadPage, type LoadedPage, waitFor } from '../../../simulator/page';
import { startPageCloud, type DemoCloud } from '../../support/miniprogram/page-cloud';
import { textOf } from '../../../simulator/text';

const HUB = 'pages/community/index';

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud('demo-resident-wang', { full: true });
}, 180_000);
afterAll(() => demo.close());
afterEach(() => resetSession());

async function ready(page: LoadedPage): Promise<void> {
  await waitFor(() => page.data.status !== 'loading');
  expect(page.data.error?.message ?? '').toBe('');
}

interface SectionData {
  id: string;
  lines: { title: string; url: string }[];
  failed: boolean;
}

it('shows what a 禄口 resident can join now in each of the three, linking to their pages', async () => {
  const page = await loadPage(HUB);
  await ready(page);
  const sections = page.data.sections as SectionData[];
  expect(sections.map((s) => [s.id, s.failed])).toEqual([
    ['proposals', false],
    ['volunteering', false],
    ['charity', false],
  ]);
  for (const s of sections) {
    expect(s.lines.length).toBeGreaterThan(0);
    expect(s.lines.length).toBeLessThanOrEqual(3);
  }
  expect(sections[0]!.lines[0]!.url).toMatch(/^\/packages\/proposals\/pages\/round\/index\?roundId=/);
  expect(sections[1]!.lines[0]!.url).toMatch(/^\/packages\/volunteering\/pages\/detail\/index\?activityId=/);
  expect(sections[2]!.lines[0]!.url).toMatch(/^\/packages\/charity\/pages\/need\/index\?needId=/);
  expect(textOf(page, '#section-proposals')).toContain('微公益提案');
  // A recipient is shown masked: family name and a star, never the full name.
  const charity = textOf(page, '#section-charity');
  expect(charity).toMatch(/[\u4e00-\u9fa5]\*/);
  for (const r of demo.cloud.store.docs('charity_recipients') as { name?: string }[]) {
    if (r.name) expect(charity).not.toContain(r.name);
  }
  await closePage(page);
});

it('keeps the other sections when one capability fails', async () => {
  const original = demo.cloud.host.invoke.bind(demo.cloud.host);
  demo.cloud.host.invoke = (name, event, identity, opts) =>
    name === 'charity'
      ? Promise.resolve({
          ok: false,
          error: { code: 'FUNCTIONS_EXECUTE_FAIL', message: 'down' },
          stats: { requestId: 'x', dbRoundTrips: 0, durationMs: 0 },
        })
      : original(name, event, identity, opts);
  try {
    const page = await loadPage(HUB);
    await ready(page);
    const sections = page.data.sections as SectionData[];
    expect(sections.find((s) => s.id === 'charity')!.failed).toBe(true);
    expect(sections.find((s) => s.id === 'proposals')!.failed).toBe(false);
    expect(textOf(page, '#section-charity')).toContain('这部分没能加载');
    await closePage(page);
  } finally {
    demo.cloud.host.invoke = original;
  }
});
