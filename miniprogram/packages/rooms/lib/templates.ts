/**
 * Subscription message templates rooms sends. The ids are per mini program: set them to the ones chosen in the
 * WeChat console, and the same ones in the function's MULIN_TEMPLATE_ROOM_* settings at deploy time. The local ones
 * match what the local cloud sends.
 */
export const ROOM_TEMPLATES = {
  /** A closure cancelled a booking. */
  closed: 'local-room_closed',
  /** The community decided on a team's weekly slot. */
  team: 'local-room_team',
} as const;

/** Asks consent for one message (declining or an old WeChat never stops what the person is doing). */
export async function askConsent(template: string): Promise<void> {
  try {
    await wx.requestSubscribeMessage({
      tmplIds: [template],
    } as WechatMiniprogram.RequestSubscribeMessageOption);
  } catch (err) {
    console.warn('requestSubscribeMessage failed', err);
  }
}
