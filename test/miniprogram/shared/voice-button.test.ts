/**
 * `<voice-button>` (说话输入 / 读给我听) on the real pages, against the real functions, with a stand-in for WeChat's
 * speech plugin WechatSI: absent where the plugin is not there, absent in normal mode, there in elder mode; two
 * taps put what was said after what was typed (cut to the field's maxlength), and the form sends it. The
 * donation page's receipt code is read aloud in any mode; its thanks are spoken.
 */
import { setElderMode } from '../../../miniprogram/lib/elder-mode';
import { SERVICES_LIMITS } from '../../../miniprogram/shared/limits';
import { closePage, input, loadPage, type LoadedPage, tap, waitFor } from '../../../simulator/page';
import { textOf } from '../../../simulator/text';
import { startPageCloud, switchUser, type DemoCloud } from '../../support/miniprogram/page-cloud';

const WANG = 'demo-resident-wang';
const ASK = 'packages/services/pages/ask/index';

/** What the stand-in plugin hears next, and what it was asked to read aloud. */
const heard: string[] = [];
const readAloud: string[] = [];
const played: string[] = [];
const recognizer = {
  onStop: null as ((res: { result?: string }) => void) | null,
  onError: null as ((res: unknown) => void) | null,
  start: jest.fn(),
  stop: () => recognizer.onStop?.({ result: heard.shift() ?? '' }),
};
const plugin = {
  textToSpeech(o: { content: string; success: (r: { retcode: number; filename: string }) => void }) {
    readAloud.push(o.content);
    o.success({ retcode: 0, filename: `tts-${readAloud.length}.mp3` });
  },
  getRecordRecognitionManager: () => recognizer,
};

const g = globalThis as { requirePlugin?: (name: string) => unknown };
function installPlugin(): void {
  g.requirePlugin = (name: string) => (name === 'WechatSI' ? plugin : undefined);
  const audio = { src: '', play: () => played.push(audio.src), stop: () => undefined };
  (wx as unknown as { createInnerAudioContext: () => unknown }).createInnerAudioContext = () => audio;
}

let demo: DemoCloud;
beforeAll(async () => {
  demo = await startPageCloud(WANG, { full: true });
}, 180_000);
afterAll(() => {
  delete g.requirePlugin;
  setElderMode(false);
  return demo.close();
});

async function open(path: string, query: Record<string, string> = {}): Promise<LoadedPage> {
  switchUser(WANG);
  const page = await loadPage(path, query);
  await waitFor(() => page.data.status === 'ready');
  return page;
}

/** The button draws something (its host is always there; it renders nothing when hidden). */
const drawn = (page: LoadedPage, button: string): boolean => textOf(page, button) !== '';

/** Taps 说话输入, "says" `words`, taps 说完了. */
async function say(page: LoadedPage, button: string, words: string): Promise<void> {
  expect(textOf(page, button)).toBe('说话输入');
  await tap(page, button);
  expect(textOf(page, button)).toBe('说完了');
  heard.push(words);
  await tap(page, button);
  expect(textOf(page, button)).toBe('说话输入');
}

it('draws nothing where the speech plugin is not there, even in elder mode', async () => {
  setElderMode(true);
  const page = await open(ASK);
  expect(page.querySelector('#text')).toBeTruthy();
  expect(drawn(page, '#speak-text')).toBe(false);
  await closePage(page);
});

it('shows 说话输入 only in elder mode, and sends what was said after what was typed', async () => {
  installPlugin();
  setElderMode(false);
  const page = await open(ASK);
  expect(drawn(page, '#speak-text')).toBe(false);
  setElderMode(true);
  await waitFor(() => drawn(page, '#speak-text'));

  await input(page, '#text', '希望有');
  await say(page, '#speak-text', '理发师上门理发');
  expect(recognizer.start).toHaveBeenCalledWith({ duration: 30_000, lang: 'zh_CN' });
  expect(page.data.text).toBe('希望有理发师上门理发');
  await tap(page, '#cat-0');
  await tap(page, '#send');
  await waitFor(() => page.data.sent !== '');
  const demands = demo.cloud.store.docs('service_demands') as unknown as { requests: { text: string }[] }[];
  expect(demands.flatMap((d) => d.requests.map((r) => r.text))).toContain('希望有理发师上门理发');
  await closePage(page);
});

it('keeps to the field’s maxlength', async () => {
  const page = await open(ASK);
  const max = SERVICES_LIMITS.demandTextMax;
  await input(page, '#text', '想'.repeat(max - 2));
  await say(page, '#speak-text', '上门理发');
  expect(page.data.text).toBe(`${'想'.repeat(max - 2)}上门`);
  await closePage(page);
});

it('fills the field named by data-field (提提案) and the draft keeps it', async () => {
  const round = demo.cloud.store.docs('proposal_rounds').find((r) => r['title'] === '禄口社区·暖心微项目')!;
  const page = await open('packages/proposals/pages/propose/index', { roundId: String(round._id) });
  await input(page, '#title', '楼道装扶手');
  await say(page, '#speak-summary', '给老楼装扶手，老人上下楼稳当些。');
  expect(page.data.summary).toBe('给老楼装扶手，老人上下楼稳当些。');
  await tap(page, '#next');
  await waitFor(() => page.data.step === 1);
  const draft = demo.cloud.store.docs('proposals').find((p) => p['title'] === '楼道装扶手');
  expect(draft).toMatchObject({ summary: '给老楼装扶手，老人上下楼稳当些。' });
  expect(drawn(page, '#speak-details')).toBe(true);
  await closePage(page);
});

it('reads a proposal aloud in elder mode (读给我听)', async () => {
  const round = demo.cloud.store.docs('proposal_rounds').find((r) => r['title'] === '禄口社区·暖心微项目')!;
  const proposal = demo.cloud.store
    .docs('proposals')
    .find((p) => p['roundId'] === round._id && p['title'] === '儿童安全小课堂')!;
  setElderMode(false);
  const page = await open('packages/proposals/pages/proposal/index', {
    roundId: String(round._id),
    proposalId: String(proposal._id),
  });
  expect(drawn(page, '#read-proposal')).toBe(false);
  setElderMode(true);
  await waitFor(() => drawn(page, '#read-proposal'));
  expect(textOf(page, '#read-proposal')).toBe('读给我听');
  await tap(page, '#read-proposal');
  expect(readAloud.at(-1)).toBe(
    `儿童安全小课堂。${String(proposal['summary'])}。${String(proposal['details'])}`,
  );
  await closePage(page);
});

it('reads the receipt code aloud in any mode, and takes spoken thanks', async () => {
  const blanket = () =>
    demo.cloud.store.docs('charity_donations').find((d) => d['item'] === '电热毯')! as {
      _id: string;
      status: string;
      thanks?: { message: string };
    };
  setElderMode(false);
  const page = await open(`packages/charity/pages/donation/index?id=${blanket()._id}`);
  const code = textOf(page, '#confirm-code');
  expect(textOf(page, '#read-code')).toBe('读给我听');
  await tap(page, '#read-code');
  expect(readAloud.at(-1)).toBe(`您的收货码是：${[...code].join('，')}`);
  expect(played.at(-1)).toBe(`tts-${readAloud.length}.mp3`);

  await tap(page, '#confirm');
  await waitFor(() => page.data.busy === '' && blanket().status === 'confirmed');
  expect(drawn(page, '#speak-thanks')).toBe(false);
  setElderMode(true);
  await waitFor(() => drawn(page, '#speak-thanks'));
  await say(page, '#speak-thanks', '谢谢好心人，电热毯很暖和');
  await tap(page, '#thank');
  await waitFor(() => blanket().thanks !== undefined && page.data.busy === '');
  expect(blanket().thanks?.message).toBe('谢谢好心人，电热毯很暖和');
  await closePage(page);
});
