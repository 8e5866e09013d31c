/**
 * issueCertificate — a certificate of service (志愿服务证明) of the volunteer's verified hours so far, frozen with a
 * code anyone can check (verifyCertificate), with the star level held (the street's thresholds); the page draws it for saving as an image. Idempotent on the key:
 * every replay returns the certificate the first made (common/idempotency).
 * Input: { idempotencyKey }. Result: CertificateView.
 * Errors: INVALID_INPUT (no real name on the account), UNAUTHENTICATED, CONFLICT (no verified hours yet).
 * Round trips: 3 (the caller with the street's points rule, the ledger summed, insert); a retried key: 4.
 */
import { action } from '../../common/action';
import { _ } from '../../common/cloud';
import { readWithCaller } from '../../common/joins';
import type { PointRuleDoc } from '../../common/points/documents';
import { ruleJoin, ruleOr } from '../../common/points/store';
import { badgeFor } from '../domain/hours';
import { conflict, invalid } from '../../common/errors';
import { idempotentCreate, idempotentId } from '../../common/idempotency';
import { VOL_LIMITS, volunteeringInputs, type CertificateView } from '../contract';
import { certificateCode, certificateView } from '../domain/certificate';
import { isVerified } from '../domain/records';
import { dateKey } from '../../../miniprogram/shared/calendar';
import { CERTIFICATES, type CertificateDoc } from '../documents';
import { signupHours } from '../store';

export default action({
  input: volunteeringInputs.issueCertificate,
  async run(input, ctx): Promise<CertificateView> {
    const { caller: me, one } = await readWithCaller(ctx, [
      { set: { pointsStreetId: _.aggregate.arrayElemAt(['$placePath', 1]) } },
      ruleJoin('rule', 'pointsStreetId'),
    ]);
    if (!me.realName)
      throw invalid('证明需要真实姓名，请先在“我的”中填写', [{ path: 'realName', message: 'required' }]);
    const groups = (
      await signupHours({ volunteerId: me._id }, { newestFirst: false, limit: VOL_LIMITS.exportRowsMax })
    ).filter((g) => isVerified(g) && g.verified > 0);
    if (groups.length === 0) throw conflict('还没有已确认的服务时长，组织者确认后即可开具证明');
    const dates = groups.map((g) => dateKey(g.activityStartAt)).sort();
    const verifiedMinutes = groups.reduce((s, g) => s + g.verified, 0);
    const badge = badgeFor(verifiedMinutes, ruleOr(one<PointRuleDoc>('rule')).starHours).badge;
    const cert: CertificateDoc = {
      _id: certificateCode(idempotentId(me._id, 'certificate', input.idempotencyKey)),
      volunteerId: me._id,
      realName: me.realName,
      verifiedMinutes,
      activityCount: groups.length,
      organizerNames: [...new Set(groups.map((g) => g.organizerName))].slice(0, 5),
      firstDate: dates[0]!,
      lastDate: dates[dates.length - 1]!,
      issuedAt: ctx.now,
      ...(badge ? { badge: badge.name } : {}),
    };
    return idempotentCreate({ collection: CERTIFICATES, build: () => cert, reply: certificateView });
  },
});
