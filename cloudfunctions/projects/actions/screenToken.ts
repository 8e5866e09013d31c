/**
 * projects.screenToken — a street admin makes the street's big-screen (大屏) token: a new random token replaces the
 * old one (which stops at once); only its hash is stored, the token is returned once for the screen's link.
 * Input: { streetId? } (default the caller's street). Result: { streetId, streetName, token, expiresAt }.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin of the street), NOT_FOUND (street).
 * Round trips: 2 (caller with the street, the set).
 */
import { action } from '../../common/action';
import { db } from '../../common/cloud';
import { contractSchemas } from '../contract';
import { SCREENS, type ScreenDoc } from '../documents';
import { hashScreenToken, newScreenToken, SCREEN_TOKEN_DAYS } from '../domain/screen';
import { readStreet } from '../steps/streetAccess';

export default action({
  input: contractSchemas.screenToken,
  async run(input, ctx): Promise<{ streetId: string; streetName: string; token: string; expiresAt: Date }> {
    const { me, street } = await readStreet(ctx, input.streetId);
    const token = newScreenToken();
    const doc: Omit<ScreenDoc, '_id'> = {
      streetName: street.name,
      tokenHash: hashScreenToken(token),
      createdBy: { id: me._id, name: me.realName ?? me.nickname },
      createdAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + SCREEN_TOKEN_DAYS * 86_400_000),
    };
    await db.collection(SCREENS).doc(street._id).set({ data: doc });
    return { streetId: street._id, streetName: street.name, token, expiresAt: doc.expiresAt };
  },
});
