/**
 * Subscription message templates the charity function sends to donors. The ids are per mini program: set them to
 * the ones chosen in the WeChat console, and the same ones in the function's MULIN_TEMPLATE_CHARITY_* settings at
 * deploy time. The local ones match what the local cloud sends.
 */
export const CHARITY_TEMPLATES = {
  /** The supermarket received the item. */
  received: 'local-charity_received',
  /** It is on its way to the recipient. */
  dispatched: 'local-charity_dispatched',
  /** The recipient confirmed receiving it. */
  confirmed: 'local-charity_confirmed',
} as const;

/** Asks consent for receipt, delivery and confirmation messages (three: WeChat's most per request); never throws. */
export async function askDonorConsent(): Promise<boolean> {
  try {
    const res = (await wx.requestSubscribeMessage({
      tmplIds: [CHARITY_TEMPLATES.received, CHARITY_TEMPLATES.dispatched, CHARITY_TEMPLATES.confirmed],
    } as WechatMiniprogram.RequestSubscribeMessageOption)) as unknown as Record<string, string>;
    return Object.values(CHARITY_TEMPLATES).some((id) => res[id] === 'accept');
  } catch (err) {
    // Declining, or an old WeChat, must never stop the donation itself.
    console.warn('requestSubscribeMessage failed', err);
    return false;
  }
}
