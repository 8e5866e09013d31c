/**
 * 签到二维码: the organizer holds this screen up at the activity. The QR is an HMAC of the activity and the
 * current 30-second window (made by the function), so it changes by itself and a photo of it stops working within
 * a minute. The screen stays on, and shows how many have checked in.
 */
import { elderModeBehavior } from '../../../../behaviors/elder-mode';
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
  behaviors: [elderModeBehavior],
  data: {
    id: '',
    status: 'loading' as 'loading' | 'ready' | 'error',
    errorMessage: '',
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
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
      wx.setKeepScreenOn?.({ keepScreenOn: true });
      this.refresh();
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
    onRetry() {
      this.setData({ status: 'loading' });
      this.refresh();
    },
    async refresh() {
      const [code, roster] = await Promise.all([
        call('volunteering', 'checkinCode', { activityId: this.data.id }),
        call('volunteering', 'roster', { activityId: this.data.id }),
      ]);
      if (!code.ok) {
        this.setData({ status: 'error', errorMessage: code.error.message });
        return;
      }
      const rotatesAt = Date.now() + code.data.refreshInMs;
      this.setData({
        status: 'ready',
        code: code.data.code,
        rotatesAt,
        secondsLeft: Math.ceil(code.data.refreshInMs / 1000),
        ...(roster.ok
          ? {
              title: roster.data.activity.title,
              checkedIn: `已签到 ${roster.data.counts.checkedIn} / ${roster.data.counts.admitted} 人`,
            }
          : {}),
      });
      const t = timers.get(this) ?? {};
      if (t.code !== undefined) clearTimeout(t.code);
      // A moment after the window turns, so the new code is the new window's.
      t.code = setTimeout(() => this.refresh(), code.data.refreshInMs + 300) as unknown as number;
      timers.set(this, t);
    },
  },
});
