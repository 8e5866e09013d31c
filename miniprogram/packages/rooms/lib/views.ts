/**
 * The `rooms` function's view types the subpackage's pages show (`import type` only). Calls go through `call` in
 * lib/api.ts, which takes every input and result type from cloudfunctions/manifest.ts.
 */
export type {
  AdminBoard,
  BoardRoom,
  BookingView,
  CheckInResult,
  DutyItem,
  DutyView,
  MyBookings,
  RoomDetail,
  RoomEditView,
  RoomListItem,
  SlotView,
  TeamView,
} from '../../../../cloudfunctions/rooms/contract';
