/**
 * Privacy authorization (app.json `__usePrivacyCheck__`). WeChat asks through ONE app-wide listener
 * (`wx.onNeedPrivacyAuthorization`) whenever a privacy API is used before the user agreed; this module owns that
 * listener and hands each request to the privacy popup of the page on screen (components/privacy-popup).
 * Pages call {@link requirePrivacy} before collecting personal data (avatar, nickname, phone, location).
 */

/** What the popup answers WeChat: agreed through the button with this id, or declined. */
export type PrivacyAnswer = { event: 'agree'; buttonId: string } | { event: 'disagree' };

/** Something that can show the privacy guide and report the user's answer (a privacy-popup instance). */
export interface PrivacyPresenter {
  show(answer: (result: PrivacyAnswer) => void): void;
}

type Resolve = (result: { event: string; buttonId?: string }) => void;

const presenters: PrivacyPresenter[] = [];
let waiting: Resolve | undefined;
let installed = false;

function present(): void {
  const presenter = presenters[presenters.length - 1];
  const resolve = waiting;
  if (!presenter || !resolve) return;
  waiting = undefined;
  resolve({ event: 'exposureAuthorization' });
  presenter.show((result) => resolve(result));
}

/** Registers the app-wide listener once (app.ts onLaunch). Without privacy APIs (old base library) a no-op. */
export function installPrivacyListener(): void {
  if (installed || typeof wx.onNeedPrivacyAuthorization !== 'function') return;
  installed = true;
  // miniprogram-api-typings types `resolve` as a result object; at run time it is the function WeChat documents.
  wx.onNeedPrivacyAuthorization(((resolve: Resolve, info?: { referrer?: string }) => {
    if (presenters.length === 0) {
      // Nothing on screen can ask: decline rather than leave the call hanging.
      console.warn(
        `privacy: ${info?.referrer ?? 'an API'} needs consent but the page has no <privacy-popup />`,
      );
      resolve({ event: 'disagree' });
      return;
    }
    waiting = resolve;
    present();
  }) as unknown as WechatMiniprogram.OnNeedPrivacyAuthorizationCallback);
}

/** Makes `presenter` the one that answers (a popup whose page is on screen). */
export function addPrivacyPresenter(presenter: PrivacyPresenter): void {
  removePrivacyPresenter(presenter);
  presenters.push(presenter);
  present();
}

/** Stops `presenter` from answering (its page is hidden or gone). */
export function removePrivacyPresenter(presenter: PrivacyPresenter): void {
  const index = presenters.indexOf(presenter);
  if (index >= 0) presenters.splice(index, 1);
}

/**
 * Resolves true once the user has agreed to the privacy guide (asking through the page's popup if needed),
 * false when they declined. Call before collecting personal data.
 */
export async function requirePrivacy(): Promise<boolean> {
  if (typeof wx.requirePrivacyAuthorize !== 'function') return true;
  try {
    await wx.requirePrivacyAuthorize({});
    return true;
  } catch {
    return false;
  }
}
