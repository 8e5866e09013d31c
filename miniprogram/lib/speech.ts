/**
 * Read-aloud and voice input through WeChat's own speech plugin 微信同声传译 (WechatSI, declared in app.json
 * `plugins`). Loaded guarded: where the plugin is not there (the simulator, the pictures, a WeChat that refuses
 * it) `speechAvailable()` is false, `<voice-button>` (components/voice-button) draws nothing, and every call quietly does
 * nothing — no error is ever shown for it.
 */

/** The voice-input manager of the plugin (recordRecoManager). */
interface RecognitionManager {
  start(options: { duration?: number; lang?: string }): void;
  stop(): void;
  onStop: ((res: { result?: string }) => void) | null;
  onError: ((res: { retcode?: number; msg?: string }) => void) | null;
}

/** The parts of the plugin used here. */
interface SpeechPlugin {
  textToSpeech(options: {
    lang: string;
    tts: boolean;
    content: string;
    success(res: { retcode: number; filename: string }): void;
    fail(res: unknown): void;
  }): void;
  getRecordRecognitionManager(): RecognitionManager;
}

/** Longest a spoken answer may be (the plugin stops at 60 s). */
const LISTEN_MS = 30_000;

/** The plugin once found (a miss is not remembered: each new button asks again, which is cheap). */
let loaded: SpeechPlugin | undefined;

function plugin(): SpeechPlugin | null {
  if (loaded) return loaded;
  try {
    const load = (globalThis as { requirePlugin?: (name: string) => unknown }).requirePlugin;
    const p = typeof load === 'function' ? (load('WechatSI') as SpeechPlugin | undefined) : undefined;
    if (p && typeof p.textToSpeech === 'function') loaded = p;
  } catch {
    // Not authorised for this mini program, or not in this WeChat: no speech.
  }
  return loaded ?? null;
}

/** Whether read-aloud and voice input can work here (pages show their buttons only then). */
export function speechAvailable(): boolean {
  return plugin() !== null;
}

let player: WechatMiniprogram.InnerAudioContext | null = null;

/** Reads `text` aloud in Mandarin; resolves whether it started (false where speech is not available). */
export function speak(text: string): Promise<boolean> {
  const p = plugin();
  if (!p || !text.trim()) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      p.textToSpeech({
        lang: 'zh_CN',
        tts: true,
        content: text,
        success(res) {
          if (res.retcode !== 0 || !res.filename) return resolve(false);
          player?.stop();
          player = player ?? wx.createInnerAudioContext();
          player.src = res.filename;
          player.play();
          resolve(true);
        },
        fail: () => resolve(false),
      });
    } catch {
      resolve(false);
    }
  });
}

/** Digits read one by one with a pause (a code read as a number would be 一百二十三万…). */
export function digitsAloud(code: string): string {
  return [...code.replace(/\D/g, '')].join('，');
}

let listening: RecognitionManager | null = null;

/**
 * Starts voice input; `done` gets what was said ('' for nothing, a refusal or no speech here). Call
 * {@link stopListening} when the user taps again.
 */
export function listen(done: (text: string) => void): boolean {
  const p = plugin();
  if (!p) return false;
  try {
    const m = p.getRecordRecognitionManager();
    m.onStop = (res) => {
      listening = null;
      done((res.result ?? '').trim());
    };
    m.onError = () => {
      listening = null;
      done('');
    };
    m.start({ duration: LISTEN_MS, lang: 'zh_CN' });
    listening = m;
    return true;
  } catch {
    listening = null;
    return false;
  }
}

/** Ends voice input started by {@link listen} (its `done` then gets the words). */
export function stopListening(): void {
  try {
    listening?.stop();
  } catch {
    listening = null;
  }
}

/**
 * The 说话输入 button of a text field: starts voice input, or ends it when `listening`. `state` is told whether
 * it listens now; `words` gets what was said (not called for nothing).
 */
export function toggleVoice(
  listening: boolean,
  state: (listening: boolean) => void,
  words: (text: string) => void,
): void {
  if (listening) {
    stopListening();
    return;
  }
  const started = listen((text) => {
    state(false);
    if (text) words(text);
  });
  state(started);
}
