/**
 * Subscription message templates volunteering sends (consent is asked at sign-up and when verifying hours is
 * possible). The ids are per mini program: set them to the ones chosen in the WeChat console, and the same ones in
 * the function's MULIN_TEMPLATE_VOL_* settings at deploy time. The local ones match what the local cloud sends.
 */
export const VOL_TEMPLATES = {
  /** A waiting volunteer got a seat. */
  promoted: 'local-vol_promoted',
  /** The organizer called the activity off. */
  cancelled: 'local-vol_cancelled',
  /** A forgotten check-out was closed by the system. */
  autoClosed: 'local-vol_autoclosed',
  /** The organizer verified the hours. */
  verified: 'local-vol_verified',
  /** 爱心积分 expire at the year's end (sent on 1 December). */
  pointsExpiring: 'local-vol_points_expiring',
} as const;

/** Asks consent for the points-expiry reminder (on a tap, as WeChat requires); whether it was accepted. */
export async function askPointsReminderConsent(): Promise<boolean> {
  try {
    const res = (await wx.requestSubscribeMessage({
      tmplIds: [VOL_TEMPLATES.pointsExpiring],
    } as WechatMiniprogram.RequestSubscribeMessageOption)) as unknown as Record<string, string>;
    return res[VOL_TEMPLATES.pointsExpiring] === 'accept';
  } catch (err) {
    console.warn('requestSubscribeMessage failed', err);
    return false;
  }
}

/** Asks consent for the sign-up messages (at most three per request, as WeChat allows); never throws. */
export async function askSignUpConsent(): Promise<void> {
  try {
    await wx.requestSubscribeMessage({
      tmplIds: [VOL_TEMPLATES.promoted, VOL_TEMPLATES.cancelled, VOL_TEMPLATES.verified],
    } as WechatMiniprogram.RequestSubscribeMessageOption);
  } catch (err) {
    // Declining, or an old WeChat, must never stop the sign-up itself.
    console.warn('requestSubscribeMessage failed', err);
  }
}
