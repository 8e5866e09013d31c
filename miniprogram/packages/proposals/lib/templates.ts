/**
 * Subscription messages the proposals function sends to a proposer. The ids are per mini program: set them to the
 * ones chosen in the WeChat console, and the same ones in the function's MULIN_TEMPLATE_PROPOSAL_* settings at
 * deploy time. The local ones match what the local cloud sends.
 */
export const PROPOSAL_TEMPLATES = {
  /** Screening decided (accepted, sent back for changes, rejected). */
  screened: 'local-proposal_screened',
  /** Voting opened with the proposal in it. */
  voting: 'local-proposal_voting',
  /** Results published: funded or not. */
  result: 'local-proposal_result',
} as const;

/** Asks consent for the proposer's messages (three, as WeChat allows per request); never throws. */
export async function askProposerConsent(): Promise<void> {
  try {
    await wx.requestSubscribeMessage({
      tmplIds: [PROPOSAL_TEMPLATES.screened, PROPOSAL_TEMPLATES.voting, PROPOSAL_TEMPLATES.result],
    } as WechatMiniprogram.RequestSubscribeMessageOption);
  } catch (err) {
    // Declining, or an old WeChat, must never stop the submission itself.
    console.warn('requestSubscribeMessage failed', err);
  }
}
