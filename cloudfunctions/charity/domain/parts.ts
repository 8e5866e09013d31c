/**
 * Parts of a general-stock gift (10 bags of rice → 4 to one elder, 6 to another). Each part is a donation of its
 * own (kind 'part') whose chain starts with an `allocated` step naming the gift, the gift's head when it was
 * split and the part's offset in the gift's units, so it verifies back to the gift. The id is the gift's id and
 * that offset: two staff who read the same remainder would write the same id, and the database keeps only the
 * first, so parts never add up to more than the gift.
 */
import type { UserDoc } from '../../common/directory/users';
import type { PartView } from '../contract';
import { nextEvent, pseudonym, verifyChain } from './chain';
import { donationCode } from './codes';
import type { DonationDoc, NeedDoc } from '../documents';
import { STATUS_LABELS } from './states';

/** The id of the part that starts at unit `offset` of gift `giftId`. */
export function partId(giftId: string, offset: number): string {
  return `${giftId}-${offset}`;
}

/** The units of a gift still to allocate, given its parts. */
export function remainingOf(
  gift: Pick<DonationDoc, 'receivedQuantity' | 'quantity'>,
  parts: readonly Pick<DonationDoc, 'quantity'>[],
): number {
  return (gift.receivedQuantity ?? gift.quantity) - offsetAfter(parts);
}

/** Where the next part starts: the units the parts already hold. */
export function offsetAfter(parts: readonly Pick<DonationDoc, 'quantity'>[]): number {
  return parts.reduce((s, p) => s + p.quantity, 0);
}

/** The parts as the gift's page lists them (recipients masked), oldest first. */
export function partViews(parts: readonly DonationDoc[]): PartView[] {
  return [...parts]
    .sort((a, b) => offsetOf(a) - offsetOf(b))
    .map((p) => ({
      id: p._id,
      quantity: p.quantity,
      ...(p.publicProfile ? { recipient: p.publicProfile } : {}),
      status: p.status,
      statusLabel: STATUS_LABELS[p.status],
    }));
}

const offsetOf = (p: Pick<DonationDoc, 'events'>): number => {
  const o = p.events[0]?.data.offset;
  return typeof o === 'number' ? o : 0;
};

/** The document of a new part of `gift` for `need`, allocated by `staff`. */
export function newPart(
  gift: DonationDoc,
  need: NeedDoc,
  quantity: number,
  offset: number,
  staff: Pick<UserDoc, '_id'>,
  now: Date,
  requestKey?: string,
): DonationDoc {
  const id = partId(gift._id, offset);
  const first = nextEvent(id, [], {
    type: 'allocated',
    at: now,
    place: gift.supermarketName,
    actor: { role: 'staff', ref: pseudonym('actor', staff._id, id) },
    data: {
      gift: gift._id,
      giftSeq: gift.head.seq,
      giftHash: gift.head.hash,
      offset,
      needId: need._id,
      recipient: pseudonym('recipient', need.recipientId, id),
      quantity,
    },
  });
  return {
    _id: id,
    code: donationCode(id),
    kind: 'part',
    giftId: gift._id,
    ...(requestKey ? { requestKey } : {}),
    donorId: gift.donorId,
    donorOpenid: gift.donorOpenid,
    donorLabel: gift.donorLabel,
    subscribed: gift.subscribed,
    needId: need._id,
    recipientId: need.recipientId,
    publicProfile: need.publicProfile,
    recipientPath: need.placePath,
    supermarketId: gift.supermarketId,
    supermarketName: gift.supermarketName,
    supermarketAddress: gift.supermarketAddress,
    streetName: gift.streetName,
    item: gift.item,
    itemCategory: gift.itemCategory,
    unit: gift.unit,
    quantity,
    receivedQuantity: quantity,
    unitValue: need.estimatedValue,
    pledgeBy: gift.pledgeBy,
    status: 'allocated',
    head: { seq: first.seq, hash: first.hash },
    events: [first],
    confirmAttempts: 0,
    month: gift.month,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Whether a part still traces back to its gift: the gift's chain is intact and still holds, at the seq the
 * part's first step names, the exact step it names (the gift's receipt).
 */
export function tracesToGift(
  part: Pick<DonationDoc, '_id' | 'events'>,
  gift: DonationDoc | undefined,
): boolean {
  const first = part.events[0];
  if (!first || first.type !== 'allocated' || !gift || first.data.gift !== gift._id) return false;
  if (!verifyChain(gift._id, gift.events, gift.head).intact) return false;
  const seq = first.data.giftSeq;
  const held = typeof seq === 'number' ? gift.events[seq] : undefined;
  return Boolean(held && held.type === 'received' && held.hash === first.data.giftHash);
}
