/**
 * The subscription messages reports sends (consent is asked on the report page when submitting and when following).
 * Sending never throws and never undoes the action (common/notify). Template ids come from MULIN_TEMPLATE_<NAME>.
 */
import { notify, templateId, thing } from '../common/notify';
import type { ReportDoc } from './documents';
import { STATUS_WORDS } from './domain/flow';

const DETAIL = 'packages/reports/pages/detail/index';

/** Tells the reporter and the followers where their report is now. */
export async function notifyFollowers(
  report: Pick<ReportDoc, '_id' | 'matterName' | 'followerOpenids' | 'status'>,
  status: ReportDoc['status'],
  note: string,
): Promise<number> {
  const sent = await Promise.all(
    report.followerOpenids.map((openid) =>
      notify({
        touser: openid,
        templateId: templateId('REPORT_STATUS'),
        page: `${DETAIL}?id=${report._id}`,
        data: { thing1: thing(report.matterName), thing2: thing(STATUS_WORDS[status]), thing3: thing(note) },
      }),
    ),
  );
  return sent.filter(Boolean).length;
}

/** Tells a street admin a report is past its deadline. */
export function notifyOverdue(
  openid: string,
  report: Pick<ReportDoc, '_id' | 'matterName' | 'departmentName'>,
  what: 'respond' | 'resolve',
): Promise<boolean> {
  return notify({
    touser: openid,
    templateId: templateId('REPORT_OVERDUE'),
    page: `${DETAIL}?id=${report._id}`,
    data: {
      thing1: thing(report.matterName),
      thing2: thing(report.departmentName),
      thing3: thing(what === 'respond' ? '超时未受理' : '超时未办结'),
    },
  });
}
