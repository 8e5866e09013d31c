/**
 * The app's tab bar (app.json `tabBar.custom`): TDesign's t-tab-bar, so it follows elder mode like every page
 * (its own root carries the `elder` class; app.wxss's tokens apply through `apply-shared`). The tabs come from
 * app.json's tabBar.list (lib/tabs.ts). WeChat makes one instance per tab page; the page's tab-page behavior
 * tells it which tab is current.
 */
import { elderModeBehavior } from '../behaviors/elder-mode';
import { normalizeRoute, tabsFromAppJson } from '../lib/tabs';

Component({
  options: { styleIsolation: 'apply-shared' },
  behaviors: [elderModeBehavior],
  data: {
    tabs: tabsFromAppJson(),
    active: '',
  },
  methods: {
    /** Marks the tab of `route` as current (called by behaviors/tab-page.ts when a tab page shows). */
    select(route: string) {
      const active = normalizeRoute(route);
      if (active !== this.data.active) this.setData({ active });
    },
    onChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const target = e.detail.value;
      if (target === this.data.active) return;
      wx.switchTab({ url: `/${target}` }).catch((err: unknown) => {
        console.warn('tab bar: switchTab failed', err);
      });
    },
  },
});
