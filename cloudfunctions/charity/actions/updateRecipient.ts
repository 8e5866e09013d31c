/**
 * updateRecipient — an admin of the recipient's place corrects their record (category, address, phone, linked
 * account) or stops serving them (`active: false`: consent withdrawn, moved away), which closes their open
 * needs; pledges already made still arrive. Every change is kept in the record's history with who, when, why.
 * Input: { recipientId, category?, address?, phone? ('' removes), residentId? ('' unlinks), active?, reason? }.
 * Result: RecipientView. Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (outside the admin's scope),
 * NOT_FOUND, CONFLICT (changed by someone else meanwhile).
 * Round trips: 2 (recipient + resident + caller, the update); 3 when deactivating (their open needs close).
 */
import type { z } from 'zod';
import { action } from '../../common/action';
import { isAdminOver, requireAdminOver } from '../../common/auth';
import { _, db } from '../../common/cloud';
import { updatedCount } from '../../common/db';
import { conflict, invalid, notFound } from '../../common/errors';
import { USERS, type UserDoc } from '../../common/directory/users';
import { charityInputs, type RecipientView } from '../contract';
import { publicProfile } from '../domain/privacy';
import type { RecipientDoc } from '../documents';
import { recipientView } from '../domain/views';
import { readWithCaller } from '../../common/joins';
import { NEEDS, RECIPIENTS } from '../documents';

type Input = z.output<typeof charityInputs.updateRecipient>;

/**
 * The fields that change (as SDK update data) and the names of the changes for the history. A resident linked
 * must be a WeChat user the admin `canLink`.
 */
function changesOf(
  input: Input,
  rec: RecipientDoc,
  canLink: () => boolean,
): { set: Record<string, unknown>; changes: string[] } {
  const set: Record<string, unknown> = {};
  const changes: string[] = [];
  if (input.category !== undefined && input.category !== rec.category) {
    set.category = input.category;
    changes.push('category');
  }
  if (input.address !== undefined && input.address !== rec.address) {
    set.address = input.address;
    changes.push('address');
  }
  if (input.phone !== undefined && input.phone !== (rec.phone ?? '')) {
    set.phone = input.phone === '' ? _.remove() : input.phone;
    changes.push('phone');
  }
  if (input.residentId !== undefined && input.residentId !== (rec.residentId ?? '')) {
    if (input.residentId && !canLink())
      throw invalid('没有找到这位居民（须在您管辖的范围内）', [{ path: 'residentId', message: 'not found' }]);
    set.residentId = input.residentId ? input.residentId : _.remove();
    changes.push('residentId');
  }
  if (input.active !== undefined && input.active !== rec.active) {
    set.active = input.active;
    changes.push(input.active ? 'reactivated' : 'deactivated');
  }
  return { set, changes };
}

/** The record as it is after the update (what the store now holds). */
function updated(
  rec: RecipientDoc,
  input: Input,
  entry: RecipientDoc['history'][number],
  now: Date,
): RecipientDoc {
  const after: RecipientDoc = {
    ...rec,
    ...(input.category !== undefined ? { category: input.category } : {}),
    ...(input.address !== undefined ? { address: input.address } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
    history: [...rec.history, entry],
    updatedAt: now,
  };
  if (input.phone !== undefined) {
    if (input.phone) after.phone = input.phone;
    else delete after.phone;
  }
  if (input.residentId !== undefined) {
    if (input.residentId) after.residentId = input.residentId;
    else delete after.residentId;
  }
  return after;
}

export default action({
  input: charityInputs.updateRecipient,
  async run(input, ctx): Promise<RecipientView> {
    const r = await readWithCaller<RecipientDoc>(
      ctx,
      [{ as: 'resident', from: USERS, match: { _id: input.residentId || '-' }, limit: 1 }],
      { from: RECIPIENTS, match: { _id: input.recipientId } },
    );
    const rec = r.root;
    if (!rec) throw notFound('受助人');
    const me = r.caller;
    if (!me) throw notFound('用户');
    requireAdminOver(me, rec.placePath);
    const { set, changes } = changesOf(input, rec, () => {
      const resident = r.one<UserDoc>('resident');
      return Boolean(resident && resident.kind === 'wechat' && isAdminOver(me, resident.placePath));
    });
    const show = (doc: RecipientDoc) => recipientView(doc, ctx.now, publicProfile(doc, ctx.now));
    if (changes.length === 0) return show(rec);
    const entry = {
      at: ctx.now,
      by: me._id,
      change: changes.join(','),
      ...(input.reason ? { reason: input.reason } : {}),
    };
    const res = await db
      .collection(RECIPIENTS)
      .where({ _id: rec._id, updatedAt: rec.updatedAt })
      .update({ data: { ...set, history: _.push([entry]), updatedAt: ctx.now } });
    if (updatedCount(res) === 0) throw conflict('这条记录刚被修改，请刷新后重试');
    if (input.active === false && rec.active)
      await db
        .collection(NEEDS)
        .where({ recipientId: rec._id, closed: false })
        .update({ data: { closed: true, closedReason: '受助人已停止登记', updatedAt: ctx.now } });
    return show(updated(rec, input, entry, ctx.now));
  },
});
