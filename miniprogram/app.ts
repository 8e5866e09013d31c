/**
 * The app: initialises CloudBase and restores the remembered elder-mode setting before the first page renders.
 * Pages read shared state from modules under lib/, not from globalData, so they stay testable one by one.
 */
import { CLOUD_ENV } from './config';
import { isElderMode } from './lib/elder-mode';

App({
  globalData: {},
  onLaunch() {
    if (!wx.cloud) {
      // Base library < 2.2.3 has no wx.cloud; the app cannot work there.
      console.error('wx.cloud is missing: base library 2.2.3 or newer is required');
      return;
    }
    wx.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true });
    // Reads the stored setting once, so the first page renders in the right size.
    isElderMode();
  },
});
