/**
 * The wx APIs a picture needs answered differently from page tests, installed for one capture and restored
 * after it: the picture's phone screen (375 px wide at pixel ratio 2, so a component that sizes itself from
 * windowWidth fits the picture), the capsule's rectangle in the drawn navigation bar, the title a page sets at run time, the
 * toast / modal / loading still showing at the end of load, and how many wx.cloud calls are in flight.
 */
import {
  DEVICE_SCALE,
  MENU_BUTTON,
  NAVIGATION_BAR_HEIGHT,
  SCREEN_HEIGHT,
  SCREEN_WIDTH,
  STATUS_BAR_HEIGHT,
  windowHeight,
} from '../geometry';

/** A native overlay (wx.showToast / showLoading / showModal) showing when the picture is taken. */
export type Overlay =
  | { kind: 'toast'; title: string; icon: string }
  | { kind: 'loading'; title: string }
  | { kind: 'modal'; title: string; content: string; confirmText: string; cancelText?: string };

/** What one capture's wx environment observed. */
export interface WxEnv {
  /** wx.cloud calls started and not finished. */
  pending(): number;
  /** Title set with wx.setNavigationBarTitle, if any. */
  title(): string | undefined;
  /** Overlays showing now. */
  overlays(): Overlay[];
  /** Puts the original APIs back. */
  restore(): void;
}

type Api = (...args: unknown[]) => unknown;
type Options = Record<string, unknown> & {
  success?: (res: unknown) => void;
  fail?: (err: unknown) => void;
  complete?: (res: unknown) => void;
};

/** Installs the picture's wx environment for a page with or without the navigation and tab bars. */
export function installWxEnv(frame: { navigationBar: boolean; tabBar: boolean }): WxEnv {
  const target = wx as unknown as Record<string, Api>;
  const cloud = wx.cloud as unknown as Record<string, Api>;
  const saved: [Record<string, Api>, string, Api][] = [];
  const replace = (obj: Record<string, Api>, name: string, impl: (original: Api) => Api): void => {
    const original = obj[name];
    saved.push([obj, name, original]);
    obj[name] = impl(original);
  };

  const top = frame.navigationBar ? STATUS_BAR_HEIGHT + NAVIGATION_BAR_HEIGHT : 0;
  const height = windowHeight(frame);
  const windowInfo = {
    pixelRatio: DEVICE_SCALE,
    screenWidth: SCREEN_WIDTH,
    screenHeight: SCREEN_HEIGHT,
    windowWidth: SCREEN_WIDTH,
    windowHeight: height,
    statusBarHeight: STATUS_BAR_HEIGHT,
    screenTop: top,
    safeArea: {
      left: 0,
      right: SCREEN_WIDTH,
      top: STATUS_BAR_HEIGHT,
      bottom: SCREEN_HEIGHT,
      width: SCREEN_WIDTH,
      height: SCREEN_HEIGHT - STATUS_BAR_HEIGHT,
    },
  };
  const sync = (value: object) => () => () => ({ ...value });
  replace(target, 'getWindowInfo', sync(windowInfo));
  replace(target, 'getMenuButtonBoundingClientRect', sync(MENU_BUTTON));
  replace(target, 'getSystemInfoSync', (original) => () => ({ ...(original() as object), ...windowInfo }));
  replace(target, 'getSystemInfo', () => (options?: unknown) => {
    const res = { errMsg: 'getSystemInfo:ok', ...windowInfo };
    const o = (options ?? {}) as Options;
    o.success?.(res);
    o.complete?.(res);
    return Promise.resolve(res);
  });

  let title: string | undefined;
  replace(target, 'setNavigationBarTitle', () => (options?: unknown) => {
    const o = (options ?? {}) as Options;
    title = String(o.title ?? '');
    const res = { errMsg: 'setNavigationBarTitle:ok' };
    o.success?.(res);
    o.complete?.(res);
    return Promise.resolve(res);
  });

  let toast: Overlay | undefined;
  let modal: Overlay | undefined;
  const track = (name: string, effect: (o: Options) => void): void =>
    replace(target, name, (original) => (options?: unknown) => {
      effect((options ?? {}) as Options);
      return original(options);
    });
  track('showToast', (o) => {
    toast = { kind: 'toast', title: String(o.title ?? ''), icon: String(o.icon ?? 'success') };
  });
  track('showLoading', (o) => {
    toast = { kind: 'loading', title: String(o.title ?? '') };
  });
  track('hideToast', () => (toast = toast?.kind === 'toast' ? undefined : toast));
  track('hideLoading', () => (toast = toast?.kind === 'loading' ? undefined : toast));
  track('showModal', (o) => {
    modal = {
      kind: 'modal',
      title: String(o.title ?? ''),
      content: String(o.content ?? ''),
      confirmText: String(o.confirmText ?? '确定'),
      ...(o.showCancel === false ? {} : { cancelText: String(o.cancelText ?? '取消') }),
    };
  });

  let inFlight = 0;
  const counted = (original: Api) => (options?: unknown) => {
    inFlight += 1;
    const o = (options ?? {}) as Options;
    if (o.success || o.fail || o.complete) {
      const complete = o.complete;
      return original({
        ...o,
        complete: (res: unknown) => {
          inFlight -= 1;
          complete?.(res);
        },
      });
    }
    return Promise.resolve(original(options)).finally(() => {
      inFlight -= 1;
    });
  };
  replace(cloud, 'callFunction', counted);
  replace(cloud, 'uploadFile', counted);

  return {
    pending: () => inFlight,
    title: () => title,
    overlays: () => [toast, modal].filter((o): o is Overlay => o !== undefined),
    restore: () => {
      for (const [obj, name, original] of saved.reverse()) obj[name] = original;
    },
  };
}
