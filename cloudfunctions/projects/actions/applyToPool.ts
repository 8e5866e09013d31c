/**
 * applyToPool — an organization's staff apply for admission to a street's qualified pool (项目申报备选库) with the
 * registration details and documents (their own uploads, `projects/<user id>/…`). One entry per (street,
 * organization): a rejected organization may apply again (the entry goes back to `applied`, history kept); a
 * replay of the same application gets the same reply.
 * Input: { streetId, orgId, registrationNo, foundedYear, fields, contactName, contactPhone, documents }.
 * Result: PoolEntryView.
 * Errors: INVALID_INPUT (incl. someone else's upload), UNAUTHENTICATED, FORBIDDEN (not staff of the
 * organization), NOT_FOUND (street, organization), CONFLICT (already applied or admitted; changed meanwhile).
 * Round trips: 2 (caller with street, organization and entry; the insert or the conditional update).
 */
import { action } from '../../common/action';
import { requireProvider } from '../../common/auth';
import { db } from '../../common/cloud';
import { isDuplicateKey, updatedCount } from '../../common/db';
import { ORGANIZATIONS, type OrgDoc } from '../../common/directory/orgs';
import { PLACES, type PlaceDoc } from '../../common/directory/places';
import { conflict, notFound } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { requireOwnUploads } from '../../common/uploads';
import { PROJECTS_LIMITS, UPLOAD_FOLDER, poolInputs, type PoolEntryView } from '../contract';
import { POOL, type PoolEntryDoc } from '../documents';
import { poolEntryId } from '../domain/ids';
import { mayApply } from '../domain/pool';
import { poolEntryView } from '../domain/views';

export default action({
  input: poolInputs.applyToPool,
  async run(input, ctx): Promise<PoolEntryView> {
    const entryId = poolEntryId(input.streetId, input.orgId);
    const read = await readWithCaller(ctx, [
      { as: 'street', from: PLACES, match: { _id: input.streetId, level: 'street' }, limit: 1 },
      { as: 'org', from: ORGANIZATIONS, match: { _id: input.orgId }, limit: 1 },
      { as: 'entry', from: POOL, match: { _id: entryId }, limit: 1 },
    ]);
    const me = read.caller;
    const street = read.one<PlaceDoc>('street');
    if (!street) throw notFound('街道');
    requireProvider(me, input.orgId);
    const org = read.one<OrgDoc>('org');
    if (!org || !org.active) throw notFound('机构');
    const earlier = read.one<PoolEntryDoc>('entry');
    const application = {
      registrationNo: input.registrationNo,
      foundedYear: input.foundedYear,
      fields: input.fields,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      documents: input.documents,
      submittedAt: ctx.now,
    };
    if (earlier && earlier.status === 'applied' && sameApplication(earlier, input))
      return poolEntryView(earlier, street.name);
    if (!mayApply(earlier)) throw conflict('本机构已经提交过申请或已在备选库中');
    requireOwnUploads(
      input.documents.map((d) => d.fileId),
      {
        folder: UPLOAD_FOLDER,
        userId: me._id,
        kept: earlier?.application.documents.map((d) => d.fileId),
        field: 'documents',
      },
    );
    const by = { id: me._id, name: me.realName ?? me.nickname };
    if (!earlier) {
      const entry: PoolEntryDoc = {
        _id: entryId,
        orgId: org._id,
        orgName: org.name,
        streetId: street._id,
        scopePath: street.path,
        status: 'applied',
        application,
        checklist: [],
        credit: PROJECTS_LIMITS.creditStart,
        history: [{ kind: 'applied', by, at: ctx.now }],
        rev: 0,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      try {
        await db.collection(POOL).add({ data: entry });
      } catch (err) {
        if (isDuplicateKey(err)) throw conflict('本机构刚刚已提交过申请');
        throw err;
      }
      return poolEntryView(entry, street.name);
    }
    const history = [...earlier.history, { kind: 'reapplied', by, at: ctx.now }];
    const res = await db
      .collection(POOL)
      .where({ _id: entryId, status: 'rejected', rev: earlier.rev })
      .update({
        data: {
          status: 'applied',
          application: db.command.set(application),
          history: db.command.set(history),
          rev: earlier.rev + 1,
          updatedAt: ctx.now,
        },
      });
    if (updatedCount(res) !== 1) throw conflict('申请状态刚刚有变化，请刷新后再试');
    return poolEntryView({ ...earlier, status: 'applied', application, history }, street.name);
  },
});

function sameApplication(
  e: PoolEntryDoc,
  input: { registrationNo: string; documents: { fileId: string }[] },
) {
  return (
    e.application.registrationNo === input.registrationNo &&
    e.application.documents.map((d) => d.fileId).join() === input.documents.map((d) => d.fileId).join()
  );
}
