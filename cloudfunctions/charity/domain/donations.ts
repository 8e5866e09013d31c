/** A new donation: its document with the pledge as the first event of its chain. */
import type { UserDoc } from '../../common/directory/users';
import type { DonationKind, ItemCategory } from '../contract';
import { nextEvent, pseudonym } from './chain';
import { donationCode } from './codes';
import type { DonationDoc, NeedDoc, SupermarketDoc } from '../documents';
import { monthKey } from '../../../miniprogram/shared/calendar';

/** What the donor gives. */
export interface Pledge {
  item: string;
  itemCategory: ItemCategory;
  unit: string;
  quantity: number;
  pledgeBy: Date;
  subscribed: boolean;
}

/** The donation document for a pledge: to a need (point-to-point) or to a supermarket's general stock. */
export function newDonation(
  id: string,
  donor: Pick<UserDoc, '_id' | 'openid' | 'nickname'>,
  donorLabel: string,
  pledge: Pledge,
  target:
    | { kind: 'need'; need: NeedDoc }
    | { kind: 'stock'; supermarket: Pick<SupermarketDoc, '_id' | 'name' | 'address' | 'streetName'> },
  now: Date,
): DonationDoc {
  const kind: DonationKind = target.kind;
  const sm =
    target.kind === 'need'
      ? {
          id: target.need.supermarketId,
          name: target.need.supermarketName,
          address: target.need.supermarketAddress,
          street: target.need.publicProfile.street,
        }
      : {
          id: target.supermarket._id,
          name: target.supermarket.name,
          address: target.supermarket.address,
          street: target.supermarket.streetName,
        };
  const pledged = nextEvent(id, [], {
    type: 'pledged',
    at: now,
    place: sm.name,
    actor: { role: 'donor', ref: pseudonym('actor', donor._id, id) },
    data: {
      kind,
      item: pledge.item,
      itemCategory: pledge.itemCategory,
      unit: pledge.unit,
      quantity: pledge.quantity,
      pledgeBy: pledge.pledgeBy.toISOString(),
      supermarket: sm.id,
      ...(target.kind === 'need'
        ? { needId: target.need._id, recipient: pseudonym('recipient', target.need.recipientId, id) }
        : {}),
    },
  });
  return {
    _id: id,
    code: donationCode(id),
    kind,
    donorId: donor._id,
    donorOpenid: donor.openid,
    donorLabel,
    subscribed: pledge.subscribed,
    ...(target.kind === 'need'
      ? {
          needId: target.need._id,
          recipientId: target.need.recipientId,
          publicProfile: target.need.publicProfile,
          recipientPath: target.need.placePath,
        }
      : {}),
    supermarketId: sm.id,
    supermarketName: sm.name,
    supermarketAddress: sm.address,
    streetName: sm.street,
    item: pledge.item,
    itemCategory: pledge.itemCategory,
    unit: pledge.unit,
    quantity: pledge.quantity,
    unitValue: target.kind === 'need' ? target.need.estimatedValue : 0,
    pledgeBy: pledge.pledgeBy,
    status: 'pledged',
    head: { seq: pledged.seq, hash: pledged.hash },
    events: [pledged],
    confirmAttempts: 0,
    month: monthKey(now),
    createdAt: now,
    updatedAt: now,
  };
}

/** The caller's label on a donation: masked nickname (张*), or 爱心人士. */
export function donorLabel(user: Pick<UserDoc, 'nickname'>): string {
  const chars = [...(user.nickname ?? '').trim()];
  return chars.length > 0 ? `${chars[0]}*` : '爱心人士';
}
