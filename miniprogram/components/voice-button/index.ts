/**
 * `<voice-button>`: 说话输入 under a text field, or 读给我听 under a text to read, through WeChat's speech plugin
 * (lib/speech.ts, registered in app.json). Shown only in elder mode (`always` shows it in every mode) and only
 * where the plugin is there: elsewhere — the simulator, the pictures, a WeChat without it — it draws nothing.
 *
 * Voice input appends what was said to `value`, cut to `maxlength`, and fires `change` with `{ value }` like the
 * field itself, so the field's own handler (and its `data-` attributes) takes it:
 *
 *     <t-textarea id="note" maxlength="{{max.note}}" value="{{note}}" bind:change="onNote" />
 *     <voice-button id="speak-note" value="{{note}}" maxlength="{{max.note}}" bind:change="onNote" />
 *
 * Read-aloud reads `text` (hidden while it is empty):
 *
 *     <voice-button id="read-next" mode="read" text="{{order.next}}" />
 */
import { elderModeBehavior } from '../../behaviors/elder-mode';
import { speak, speechAvailable, stopListening, toggleVoice } from '../../lib/speech';

Component({
  // The t-button is laid out as the page's own child (the pages' gaps and widths apply as before).
  options: { virtualHost: true },
  behaviors: [elderModeBehavior],
  properties: {
    /** 'input' (说话输入 into a field) or 'read' (读给我听). */
    mode: { type: String, value: 'input' },
    /** The field's text now (input): what was said goes after it. */
    value: { type: String, value: '' },
    /** The field's maxlength (input); 0 or less: no limit. */
    maxlength: { type: Number, value: 0 },
    /** What to read aloud (read). */
    text: { type: String, value: '' },
    /** Show it outside elder mode too. */
    always: { type: Boolean, value: false },
    /** Side margins of the page, where the field spans it (a card cell group). */
    inset: { type: Boolean, value: false },
  },
  data: {
    available: false,
    listening: false,
    shown: false,
  },
  observers: {
    'available, elderClass, always, mode, text'(
      available: boolean,
      elderClass: string,
      always: boolean,
      mode: string,
      text: string,
    ) {
      const shown = available && (always || elderClass !== '') && (mode !== 'read' || text.trim() !== '');
      if (shown !== this.data.shown) this.setData({ shown });
    },
  },
  lifetimes: {
    attached() {
      this.setData({ available: speechAvailable() });
    },
    detached() {
      // Leaving the page while listening: the words have nowhere to go.
      if (this.data.listening) stopListening();
    },
  },
  methods: {
    onTap() {
      if (this.data.mode === 'read') {
        void speak(this.data.text);
        return;
      }
      toggleVoice(
        this.data.listening,
        (listening) => this.setData({ listening }),
        (words) =>
          this.triggerEvent('change', { value: appended(this.data.value, words, this.data.maxlength) }),
      );
    },
  },
});

/** `value` followed by `words`, no longer than `max` (when there is a limit). */
function appended(value: string, words: string, max: number): string {
  const text = `${value}${words}`;
  return max > 0 ? text.slice(0, max) : text;
}
