/**
 * Subscription message templates reports sends. The ids are per mini program: set them to the ones chosen in the
 * WeChat console, and the same ones in the function's MULIN_TEMPLATE_REPORT_* settings at deploy time. The local
 * ones match what the local cloud sends.
 */
export const REPORT_TEMPLATES = {
  /** A report the person made or follows moved on. */
  status: 'local-report_status',
} as const;

/** Asks consent for progress messages (declining or an old WeChat never stops what the person is doing). */
export async function askProgressConsent(): Promise<void> {
  try {
    await wx.requestSubscribeMessage({
      tmplIds: [REPORT_TEMPLATES.status],
    } as WechatMiniprogram.RequestSubscribeMessageOption);
  } catch (err) {
    console.warn('requestSubscribeMessage failed', err);
  }
}
