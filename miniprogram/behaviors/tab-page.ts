/**
 * Tab-page behavior: when a tab page shows, tells its custom tab bar (custom-tab-bar/) which tab is current.
 * WeChat creates one tab bar instance per tab page and hands it out through `this.getTabBar()`.
 */

interface TabBarInstance {
  select?: (route: string) => void;
}

/**
 * Add to every page listed in app.json's tabBar. (A behavior without members of its own would also erase the
 * types of the page's other behaviors: TypeScript folds a list's element types into their common supertype.)
 */
export const tabPageBehavior = Behavior({
  methods: {
    /** Tells this page's tab bar that its tab is current. */
    selectTab() {
      // getTabBar is missing outside a tab page (and in miniprogram-simulate).
      const self = this as unknown as {
        getTabBar?: () => TabBarInstance | null;
        route?: string;
        is?: string;
      };
      const bar = typeof self.getTabBar === 'function' ? self.getTabBar() : null;
      bar?.select?.(self.route ?? self.is ?? '');
    },
  },
  pageLifetimes: {
    show() {
      this.selectTab();
    },
  },
});
