/**
 * registerRecipient — an admin over a community registers a person the charity supermarket serves (80+ elder,
 * low-income family, disabled resident, child in difficulty), with the consent record PIPL asks for sensitive
 * data. Only what delivery needs is collected: name, address, phone (optional), birth year (optional). If the
 * person uses the mini program, linking their account lets them confirm receipt and thank donors themselves.
 * The same person (name plus phone or address) cannot be registered twice in a community. Idempotent on the key:
 * every replay returns the record the first made (common/idempotency).
 * Input: { name, category, birthYear?, communityId, address, phone?, residentId?, consent: { method, note? },
 * idempotencyKey }. Result: RecipientView (in full: only admins of the place ever get it).
 * Errors: INVALID_INPUT (resident not found in the admin's scope), UNAUTHENTICATED, FORBIDDEN (community outside
 * the admin's scope), NOT_FOUND (community), CONFLICT (already registered).
 * Round trips: 2 (caller + community + resident + same-name records + any earlier try, the insert); 1 for a
 * replay after it exists, 3 for one racing it (the stored record read back).
 */
import { action } from '../../common/action';
import { isAdminOver, requireAdminOver } from '../../common/auth';
import { conflict, invalid, notFound } from '../../common/errors';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { USERS, type UserDoc } from '../../common/directory/users';
import { charityInputs, type RecipientView } from '../contract';
import { publicProfile } from '../domain/privacy';
import type { RecipientDoc } from '../documents';
import { recipientView } from '../domain/views';
import { readWithCaller } from '../../common/joins';
import { RECIPIENTS } from '../documents';
import { PLACES, type PlaceRef } from '../../common/directory/places';

export default action({
  input: charityInputs.registerRecipient,
  async run(input, ctx): Promise<RecipientView> {
    const id = idempotentId(ctx.openid, 'charity-recipient', input.idempotencyKey);
    const r = await readWithCaller(ctx, [
      { as: 'community', from: PLACES, match: { _id: input.communityId, level: 'community' }, limit: 1 },
      { as: 'resident', from: USERS, match: { _id: input.residentId ?? '-' }, limit: 1 },
      {
        as: 'sameName',
        from: RECIPIENTS,
        match: { communityId: input.communityId, name: input.name },
        limit: 20,
      },
      { as: 'earlier', from: RECIPIENTS, match: { _id: id }, limit: 1 },
    ]);
    const community = r.one<PlaceRef>('community');
    if (!community) throw notFound('社区');
    requireAdminOver(r.caller, community.path);
    const show = (doc: RecipientDoc) => recipientView(doc, ctx.now, publicProfile(doc, ctx.now));
    const earlier = r.one<RecipientDoc>('earlier');
    if (earlier) return show(earlier);
    if (input.residentId) {
      const resident = r.one<UserDoc>('resident');
      if (!resident || resident.kind !== 'wechat' || !isAdminOver(r.caller, resident.placePath))
        throw invalid('没有找到这位居民（须在您管辖的范围内）', [
          { path: 'residentId', message: 'not found' },
        ]);
    }
    const same = r
      .all<RecipientDoc>('sameName')
      .find((x) => (input.phone && x.phone === input.phone) || x.address === input.address);
    if (same) throw conflict('此人已经登记过了');
    const doc: RecipientDoc = {
      _id: id,
      name: input.name,
      category: input.category,
      ...(input.birthYear !== undefined ? { birthYear: input.birthYear } : {}),
      communityId: community._id,
      communityName: community.name,
      streetId: community.path[1] ?? community._id,
      streetName: community.pathNames[1] ?? community.name,
      placePath: community.path,
      address: input.address,
      ...(input.phone ? { phone: input.phone } : {}),
      ...(input.residentId ? { residentId: input.residentId } : {}),
      consent: {
        method: input.consent.method,
        ...(input.consent.note ? { note: input.consent.note } : {}),
        recordedBy: r.caller._id,
        recordedAt: ctx.now,
      },
      active: true,
      registeredBy: r.caller._id,
      history: [{ at: ctx.now, by: r.caller._id, change: 'registered' }],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    return idempotentCreate({ collection: RECIPIENTS, build: () => doc, reply: show });
  },
});
