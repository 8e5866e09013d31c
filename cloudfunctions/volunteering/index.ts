/** The `volunteering` cloud function: volunteer profiles, activities, sign-ups and waitlists, check-in, hours. */
import type { Action } from '../common/action';
import { createMain } from '../common/router';
import activityDetail from './actions/activityDetail';
import adjustHours from './actions/adjustHours';
import adjustPoints from './actions/adjustPoints';
import becomeVolunteer from './actions/becomeVolunteer';
import cancelActivity from './actions/cancelActivity';
import cancelSignUp from './actions/cancelSignUp';
import checkIn from './actions/checkIn';
import checkinCode from './actions/checkinCode';
import checkOut from './actions/checkOut';
import createActivity from './actions/createActivity';
import exportRecords from './actions/exportRecords';
import issueCertificate from './actions/issueCertificate';
import listActivities from './actions/listActivities';
import myHours from './actions/myHours';
import myPoints from './actions/myPoints';
import mySignUps from './actions/mySignUps';
import myVolunteer from './actions/myVolunteer';
import pointRule from './actions/pointRule';
import pointsReport from './actions/pointsReport';
import exportPointsReport from './actions/exportPointsReport';
import organizerActivities from './actions/organizerActivities';
import recommendActivities from './actions/recommendActivities';
import roster from './actions/roster';
import setPointRule from './actions/setPointRule';
import signUp from './actions/signUp';
import thankYou from './actions/thankYou';
import suggestVolunteers from './actions/suggestVolunteers';
import updateActivity from './actions/updateActivity';
import updateVolunteer from './actions/updateVolunteer';
import verifyAllHours from './actions/verifyAllHours';
import verifyCertificate from './actions/verifyCertificate';
import verifyHours from './actions/verifyHours';
import type { VolunteeringAction } from './contract';
import { closeAttendance } from './timers/closeAttendance';
import { creditPoints } from './timers/creditPoints';
import { expirePoints } from './timers/expirePoints';
import { remindPointsExpiry } from './timers/remindPointsExpiry';

/** The actions by name, each with its own input schema and result type (read by cloudfunctions/manifest.ts). */
export const actions = {
  becomeVolunteer,
  updateVolunteer,
  myVolunteer,
  createActivity,
  updateActivity,
  cancelActivity,
  listActivities,
  recommendActivities,
  activityDetail,
  organizerActivities,
  signUp,
  cancelSignUp,
  mySignUps,
  checkinCode,
  checkIn,
  checkOut,
  roster,
  suggestVolunteers,
  verifyHours,
  verifyAllHours,
  adjustHours,
  myHours,
  issueCertificate,
  verifyCertificate,
  exportRecords,
  myPoints,
  pointRule,
  setPointRule,
  pointsReport,
  exportPointsReport,
  thankYou,
  adjustPoints,
} satisfies Record<VolunteeringAction, Action>;

export const main = createMain({
  actions,
  timers: { closeAttendance, creditPoints, expirePoints, remindPointsExpiry },
});
