/**
 * The `volunteering` function's view types the subpackage's pages show (`import type` only). Calls go
 * through `call` in lib/api.ts, which takes every input and result type from cloudfunctions/manifest.ts.
 */
export type {
  ActivityDetail,
  ActivityListItem,
  AttendanceResult,
  CertificateCheck,
  CertificateView,
  MyHoursView,
  MyPointsView,
  PointRuleView,
  MySignUpItem,
  MyVolunteerView,
  Phase,
  RosterItem,
  RosterView,
  Skill,
  SignUpResult,
  ThankYouView,
  VolunteerSuggestion,
} from '../../../../cloudfunctions/volunteering/contract';
