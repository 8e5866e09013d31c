/**
 * The app: initialises CloudBase, restores the remembered elder-mode setting before the first page renders,
 * owns the privacy-authorization listener, and logs in (account.login) so pages find the user ready.
 * Pages read shared state from modules under lib/, not from globalData, so they stay testable one by one.
 */
import { CLOUD_ENV } from './config';
import { isElderMode } from './lib/elder-mode';
import { installPrivacyListener } from './lib/privacy';
import { ensureSession } from './lib/session';

App({
  globalData: {},
  onLaunch() {
    installPrivacyListener();
    // Reads the stored setting once, so the first page renders in the right size.
    isElderMode();
    if (!wx.cloud) {
      // Base library < 2.2.3 has no wx.cloud; the app cannot work there.
      console.error('wx.cloud is missing: base library 2.2.3 or newer is required');
      return;
    }
    wx.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true });
    // Started now so the first page's data arrives sooner; pages await the same call.
    void ensureSession();
  },
});
