/**
 * The subscription messages projects sends to organizations' staff. Sending never throws and never undoes the
 * action (common/notify). Template ids come from MULIN_TEMPLATE_<NAME> at deploy time.
 */
import { notify, templateId, thing } from '../common/notify';

const POOL = 'packages/projects/pages/org-pool/index';
const MY_BIDS = 'packages/projects/pages/my-bids/index';

/** The street assessed the organization's pool application. */
export function notifyPoolDecision(
  openids: readonly string[],
  entry: { orgName: string; streetName: string },
  admitted: boolean,
  reason: string,
): Promise<boolean[]> {
  return Promise.all(
    openids.map((touser) =>
      notify({
        touser,
        templateId: templateId('PROJECT_POOL'),
        page: POOL,
        data: {
          thing1: thing(`${entry.streetName}项目申报备选库`),
          thing2: thing(admitted ? '评估通过，已入库' : '评估未通过'),
          thing3: thing(reason || (admitted ? '可以参与本街道的项目申报' : '可以补充材料后重新申请')),
        },
      }),
    ),
  );
}

/** The award of a call the organization bid on is published. */
export function notifyAwardPublished(
  openids: readonly string[],
  call: { title: string },
  awarded: boolean,
  complaintUntilText: string,
): Promise<boolean[]> {
  return Promise.all(
    openids.map((touser) =>
      notify({
        touser,
        templateId: templateId('PROJECT_AWARD'),
        page: MY_BIDS,
        data: {
          thing1: thing(call.title),
          thing2: thing(awarded ? '恭喜，贵机构中标' : '评审结果已公示'),
          thing3: thing(`如有异议，${complaintUntilText}前可提出投诉`),
        },
      }),
    ),
  );
}

/** The street answered the organization's complaint. */
export function notifyComplaintAnswered(
  openids: readonly string[],
  call: { title: string },
  upheld: boolean,
): Promise<boolean[]> {
  return Promise.all(
    openids.map((touser) =>
      notify({
        touser,
        templateId: templateId('PROJECT_COMPLAINT'),
        page: MY_BIDS,
        data: {
          thing1: thing(call.title),
          thing2: thing(upheld ? '投诉成立，已复核' : '投诉已答复'),
          thing3: thing('请在“我的申报”查看答复'),
        },
      }),
    ),
  );
}
