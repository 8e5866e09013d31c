/** Who may do what with a room: its managers (residents appointed by an admin), the admins over its place. */
import { isAdminOver } from '../../common/auth';
import { forbidden } from '../../common/errors';
import type { UserDoc } from '../../common/directory/users';
import type { RoomDoc } from '../documents';

/** How a person is named to managers and admins: real name, else nickname (never a phone). */
export function nameOf(user: Pick<UserDoc, 'realName' | 'nickname'>): string {
  return user.realName || user.nickname;
}

/** Whether the user is one of the room's managers. */
export function isManagerOf(user: Pick<UserDoc, '_id'>, room: Pick<RoomDoc, 'managerIds'>): boolean {
  return room.managerIds.includes(user._id);
}

/** Throws FORBIDDEN unless the user manages the room or administers its place. */
export function requireManager(user: UserDoc, room: Pick<RoomDoc, 'managerIds' | 'placePath'>): void {
  if (!isManagerOf(user, room) && !isAdminOver(user, room.placePath))
    throw forbidden('只有这间活动室的管理员可以操作');
}

/** Throws FORBIDDEN unless the user administers the room's place. */
export function requireRoomAdmin(user: UserDoc, room: Pick<RoomDoc, 'placePath'>): void {
  if (!isAdminOver(user, room.placePath)) throw forbidden('只有社区管理员可以管理活动室');
}
