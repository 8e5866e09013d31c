/**
 * 签到二维码: the organizer holds this screen up at the activity. The QR is an HMAC of the activity and the
 * current 30-second window (made by the function), so it changes by itself and a photo of it stops working within
 * a minute. The screen stays on, and shows how many have checked in.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
import { type LoadResult, type PageQuery, remotePage } from '../../../../behaviors/remote-page';
import { call } from '../../../../lib/api';

/** Timers per page instance (kept off the rendered data). */
const timers = new WeakMap<object, { code?: number; tick?: number }>();

function stop(owner: object): void {
  const t = timers.get(owner);
  if (t?.code !== undefined) clearTimeout(t.code);
  if (t?.tick !== undefined) clearInterval(t.tick);
  timers.delete(owner);
}

Component({
  behaviors: [elderModeBehavior, remotePage],
  data: {
    id: '',
    title: '',
    code: '',
    secondsLeft: 30,
    rotatesAt: 0,
    checkedIn: '',
  },
  lifetimes: {
    detached() {
      stop(this);
    },
  },
  methods: {
    onLoad(query: PageQuery) {
      this.setData({ id: query.id ?? '' });
      wx.setKeepScreenOn?.({ keepScreenOn: true });
      void this.reload(query);
      timers.set(this, {
        ...timers.get(this),
        tick: setInterval(() => {
          const left = Math.max(0, Math.ceil((this.data.rotatesAt - Date.now()) / 1000));
          if (left !== this.data.secondsLeft) this.setData({ secondsLeft: left });
        }, 1000) as unknown as number,
      });
    },
    onUnload() {
      stop(this);
      wx.setKeepScreenOn?.({ keepScreenOn: false });
    },
    /** The code of the current window (and who has checked in); the next one is fetched as the window turns. */
    async load(): Promise<LoadResult> {
      const [code, roster] = await Promise.all([
        call('volunteering', 'checkinCode', { activityId: this.data.id }),
        call('volunteering', 'roster', { activityId: this.data.id }),
      ]);
      if (!code.ok) return code;
      const t = timers.get(this) ?? {};
      if (t.code !== undefined) clearTimeout(t.code);
      // A moment after the window turns, so the new code is the new window's.
      t.code = setTimeout(
        // The code on screen is dead by then: a failure to get the next one is shown, not hidden.
        () => void this.reload(undefined, { expired: true }),
        code.data.refreshInMs + 300,
      ) as unknown as number;
      timers.set(this, t);
      return {
        ok: true,
        data: {
          code: code.data.code,
          rotatesAt: Date.now() + code.data.refreshInMs,
          secondsLeft: Math.ceil(code.data.refreshInMs / 1000),
          ...(roster.ok
            ? {
                title: roster.data.activity.title,
                checkedIn: `已签到 ${roster.data.counts.checkedIn} / ${roster.data.counts.admitted} 人`,
              }
            : {}),
        },
      };
    },
  },
});
