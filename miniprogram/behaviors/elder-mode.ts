/**
 * Elder-mode behavior for pages: exposes `data.elderClass` ('elder' or '') and keeps it current while the page
 * lives. Every page root is `<view class="page {{elderClass}}">`.
 */
import { elderClassFor, isElderMode, onElderModeChange } from '../lib/elder-mode';

// Unsubscribe functions per component instance; a WeakMap keeps them off the instance's typed surface.
const subscriptions = new WeakMap<object, () => void>();

/** Adds `data.elderClass`, set on attach and updated live by setElderMode(). */
export const elderModeBehavior = Behavior({
  data: { elderClass: '' },
  lifetimes: {
    attached() {
      const apply = (on: boolean): void => {
        const elderClass = elderClassFor(on);
        if (this.data.elderClass !== elderClass) this.setData({ elderClass });
      };
      apply(isElderMode());
      subscriptions.set(this, onElderModeChange(apply));
    },
    detached() {
      subscriptions.get(this)?.();
      subscriptions.delete(this);
    },
  },
});
