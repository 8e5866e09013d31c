/**
 * lib/speech: with WeChat's speech plugin (a stand-in for WechatSI) read-aloud plays what the plugin made and
 * voice input hands back the words; without it (the simulator) both quietly do nothing.
 */
type Speech = typeof import('../../miniprogram/lib/speech');

/** lib/speech loaded afresh (it remembers the plugin), with `plugin` as what requirePlugin gives. */
function fresh(plugin: unknown): Speech {
  const g = globalThis as { requirePlugin?: (name: string) => unknown };
  if (plugin === undefined) delete g.requirePlugin;
  else g.requirePlugin = (name: string) => (name === 'WechatSI' ? plugin : undefined);
  let mod: Speech | undefined;
  jest.isolateModules(() => {
    mod = jest.requireActual<Speech>('../../miniprogram/lib/speech');
  });
  return mod!;
}

afterEach(() => {
  delete (globalThis as { requirePlugin?: unknown }).requirePlugin;
});

it('degrades to nothing where the plugin is not there', async () => {
  const speech = fresh(undefined);
  expect(speech.speechAvailable()).toBe(false);
  await expect(speech.speak('您的收货码是')).resolves.toBe(false);
  const state = jest.fn();
  speech.toggleVoice(false, state, () => undefined);
  expect(state).toHaveBeenCalledWith(false);
});

it('reads aloud and takes voice input through the plugin', async () => {
  const played: string[] = [];
  const audio = { src: '', play: () => played.push(audio.src), stop: () => undefined };
  (wx as unknown as { createInnerAudioContext: () => unknown }).createInnerAudioContext = () => audio;
  const manager = {
    onStop: null as ((res: { result?: string }) => void) | null,
    onError: null,
    start: jest.fn(),
    stop: () => manager.onStop?.({ result: '谢谢好心人' }),
  };
  const speech = fresh({
    textToSpeech: (o: { content: string; success: (r: { retcode: number; filename: string }) => void }) =>
      o.success({ retcode: 0, filename: `tts:${o.content}` }),
    getRecordRecognitionManager: () => manager,
  });
  expect(speech.speechAvailable()).toBe(true);
  await expect(speech.speak(`您的收货码是：${speech.digitsAloud('524410')}`)).resolves.toBe(true);
  expect(played).toEqual(['tts:您的收货码是：5，2，4，4，1，0']);

  const states: boolean[] = [];
  const words: string[] = [];
  speech.toggleVoice(
    false,
    (s) => states.push(s),
    (w) => words.push(w),
  );
  expect(manager.start).toHaveBeenCalledWith({ duration: 30_000, lang: 'zh_CN' });
  speech.toggleVoice(
    true,
    (s) => states.push(s),
    (w) => words.push(w),
  );
  expect(states).toEqual([true, false]);
  expect(words).toEqual(['谢谢好心人']);
});
