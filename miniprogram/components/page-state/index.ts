/**
 * `<page-state>`: the one drawing of a page's state while its data is not on screen (registered in app.json):
 * - `status="loading"`: a spinner with 正在加载… (or `loading-text`);
 * - `status="error"` with the page's `error` (behaviors/remote-page.ts): the message, a line saying who can help,
 *   and the way out that fits — 再试一次 only when trying again can work, 去登录 when not logged in, 返回 (or 回首页
 *   when the page was opened on its own) for a refusal or something that is not there;
 * - `status="empty"`: the page's own words (`text`, `icon`) and an optional next step (`action-text`, with
 *   `action-url` to open, or the `action` event).
 * Events: `retry` (再试一次, and after logging in again). Pages put it where the state belongs — under their tabs or
 * filters — and keep their own content (and a form's inline errors) outside it.
 */
import { normalizeRoute, tabsFromAppJson } from '../../lib/tabs';
import { PAGE_ERROR_ICONS, PAGE_STATE_WORDS, type PageError } from '../../lib/page-state';
import { refreshSession } from '../../lib/session';

/** Where 回首页 goes when the page has nothing to go back to. */
const HOME = '/pages/home/index';

/** 返回 when there is a page to go back to; 回首页 when opened on its own; nothing on a tab page. */
function wayOut(): string {
  const pages = getCurrentPages();
  if (pages.length > 1) return PAGE_STATE_WORDS.back;
  const route = normalizeRoute(pages[0]?.route ?? '');
  return tabsFromAppJson().some((tab) => tab.pagePath === route) ? '' : PAGE_STATE_WORDS.home;
}

Component({
  properties: {
    /** 'loading' | 'error' | 'empty'. */
    status: { type: String, value: 'loading' },
    /** The failed load (status 'error'), as remotePage keeps it in `data.error`. */
    error: { type: Object, optionalTypes: [null], value: null },
    /** Instead of 正在加载…, e.g. 正在生成…. */
    loadingText: { type: String, value: '' },
    /** Empty state: TDesign icon name. */
    icon: { type: String, value: 'info-circle' },
    /** Empty state: what is (not) here, in the page's words. */
    text: { type: String, value: '' },
    /** Empty state: the next step's button. */
    actionText: { type: String, value: '' },
    /** Empty state: the page the next step opens; without it the button fires `action`. */
    actionUrl: { type: String, value: '' },
  },
  data: {
    words: PAGE_STATE_WORDS,
    errorIcon: PAGE_ERROR_ICONS.failed,
    wayOut: '',
    busy: false,
  },
  observers: {
    error(error: PageError | null) {
      if (!error) return;
      // The stack is known once the page is open, which is when a load can have failed.
      this.setData({ errorIcon: PAGE_ERROR_ICONS[error.kind], wayOut: wayOut() });
    },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },
    async onLogin() {
      if (this.data.busy) return;
      this.setData({ busy: true });
      await refreshSession();
      this.setData({ busy: false });
      this.triggerEvent('retry');
    },
    onBack() {
      const go = getCurrentPages().length > 1 ? wx.navigateBack({ delta: 1 }) : wx.reLaunch({ url: HOME });
      Promise.resolve(go).catch((err: unknown) => console.warn('page-state: way out failed', err));
    },
    onAction() {
      if (!this.data.actionUrl) {
        this.triggerEvent('action');
        return;
      }
      Promise.resolve(wx.navigateTo({ url: this.data.actionUrl })).catch((err: unknown) =>
        console.warn('page-state: next step failed', err),
      );
    },
  },
});
