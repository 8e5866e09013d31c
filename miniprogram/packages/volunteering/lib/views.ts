/**
 * Typed calls to the `volunteering` function: inputs and replies come from its contract (`import type` only), so
 * a renamed field fails the mini program's type check instead of a page at run time.
 */
import type {
  ActivityDetail,
  ActivityListItem,
  AttendanceResult,
  CancelResult,
  CertificateCheck,
  CertificateView,
  CheckinCodeView,
  ExportResult,
  MyHoursView,
  MySignUpItem,
  MyVolunteerView,
  RosterView,
  SignUpResult,
  VolunteerSuggestion,
  VolunteeringAction,
  VolunteeringInput,
} from '../../../../cloudfunctions/volunteering/contract';
import { call, type CloudReply } from '../../../lib/cloud';

export type {
  ActivityDetail,
  ActivityListItem,
  AttendanceResult,
  CertificateCheck,
  CertificateView,
  MyHoursView,
  MySignUpItem,
  MyVolunteerView,
  Phase,
  RosterItem,
  RosterView,
  Skill,
  SignUpResult,
  VolunteerSuggestion,
} from '../../../../cloudfunctions/volunteering/contract';

/** A page of a list (20 items); `next` is the offset of the next page, or null at the end. */
export interface ListPage<T> {
  items: T[];
  next: number | null;
}

/** Hours of one sign-up after a verification or adjustment. */
export interface HoursState {
  pendingMinutes: number;
  verifiedMinutes: number;
  verified: boolean;
}

/** What each action returns. */
export interface VolunteeringResults {
  becomeVolunteer: MyVolunteerView;
  updateVolunteer: MyVolunteerView;
  myVolunteer: MyVolunteerView;
  createActivity: ActivityDetail;
  updateActivity: ActivityDetail;
  cancelActivity: ActivityDetail;
  listActivities: ListPage<ActivityListItem>;
  recommendActivities: { items: (ActivityListItem & { score: number; reasons: string[] })[] };
  activityDetail: ActivityDetail;
  organizerActivities: ListPage<ActivityListItem>;
  signUp: SignUpResult;
  cancelSignUp: CancelResult & { already: boolean };
  mySignUps: ListPage<MySignUpItem>;
  checkinCode: CheckinCodeView;
  checkIn: AttendanceResult;
  checkOut: AttendanceResult;
  roster: RosterView;
  suggestVolunteers: { items: VolunteerSuggestion[] };
  verifyHours: HoursState;
  verifyAllHours: { verified: number; minutes: number };
  adjustHours: HoursState;
  myHours: MyHoursView;
  issueCertificate: CertificateView;
  verifyCertificate: CertificateCheck;
  exportRecords: ExportResult;
}

/** Calls `volunteering.<action>` with its typed input; never rejects (see lib/cloud.ts). */
export function callVolunteering<A extends VolunteeringAction>(
  action: A,
  ...input: Record<string, never> extends VolunteeringInput<A>
    ? [VolunteeringInput<A>?]
    : [VolunteeringInput<A>]
): Promise<CloudReply<VolunteeringResults[A]>> {
  return call<VolunteeringResults[A]>('volunteering', action, input[0] ?? {});
}
