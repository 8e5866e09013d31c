/** The `rooms` cloud function (活动室): rooms, bookings, teams' weekly slots, room managers' duty, the admin's board. */
import type { Action } from '../common/action';
import { createMain } from '../common/router';
import addClosure from './actions/addClosure';
import adminBoard from './actions/adminBoard';
import book from './actions/book';
import cancelBooking from './actions/cancelBooking';
import checkIn from './actions/checkIn';
import closeRoom from './actions/closeRoom';
import createRoom from './actions/createRoom';
import decideTeam from './actions/decideTeam';
import dutyToday from './actions/dutyToday';
import fixIssue from './actions/fixIssue';
import listRooms from './actions/listRooms';
import myBookings from './actions/myBookings';
import myTeams from './actions/myTeams';
import openRoom from './actions/openRoom';
import proposeTeam from './actions/proposeTeam';
import removeClosure from './actions/removeClosure';
import reportIssue from './actions/reportIssue';
import roomDetail from './actions/roomDetail';
import setManagers from './actions/setManagers';
import teamException from './actions/teamException';
import updateRoom from './actions/updateRoom';
import updateTeamMembers from './actions/updateTeamMembers';
import type { RoomsAction } from './contract';
import { settle } from './timers/settle';

/** The actions by name, each with its own input schema and result type (read by cloudfunctions/manifest.ts). */
export const actions = {
  listRooms,
  roomDetail,
  book,
  cancelBooking,
  myBookings,
  proposeTeam,
  myTeams,
  updateTeamMembers,
  teamException,
  decideTeam,
  dutyToday,
  checkIn,
  openRoom,
  closeRoom,
  reportIssue,
  createRoom,
  updateRoom,
  setManagers,
  addClosure,
  removeClosure,
  fixIssue,
  adminBoard,
} satisfies Record<RoomsAction, Action>;

export const main = createMain({ actions, timers: { settle } });
