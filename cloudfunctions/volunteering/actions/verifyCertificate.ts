/**
 * verifyCertificate — anyone checks a certificate's code (typed from paper or scanned): whether it is genuine, and
 * enough to compare with the paper (name masked, hours, period, issue date) and nothing more.
 * Input: { code }. Result: CertificateCheck (valid: false for an unknown or malformed code).
 * Errors: INVALID_INPUT, UNAUTHENTICATED (no WeChat identity). Round trips: 1 (0 for a malformed code).
 */
import { action } from '../../common/action';
import { findById } from '../../common/db';
import { maskName } from '../../common/mask';
import { volunteeringInputs, type CertificateCheck } from '../contract';
import { CERTIFICATE_ISSUER, normalizeCertificateCode } from '../domain/certificate';
import { hoursText } from '../domain/hours';
import { dateKey } from '../../../miniprogram/shared/calendar';
import { CERTIFICATES, type CertificateDoc } from '../documents';

export default action({
  input: volunteeringInputs.verifyCertificate,
  async run(input): Promise<CertificateCheck> {
    const code = normalizeCertificateCode(input.code);
    if (!code) return { valid: false, code: input.code };
    const c = await findById<CertificateDoc>(CERTIFICATES, code);
    if (!c) return { valid: false, code };
    return {
      valid: true,
      code,
      realNameMasked: maskName(c.realName),
      verifiedHours: hoursText(c.verifiedMinutes),
      activityCount: c.activityCount,
      firstDate: c.firstDate,
      lastDate: c.lastDate,
      issuedAt: dateKey(c.issuedAt),
      issuer: CERTIFICATE_ISSUER,
    };
  },
});
