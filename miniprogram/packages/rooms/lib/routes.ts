/** Where the rooms pages are, for navigation and entries. */
const ROOT = '/packages/rooms/pages';

export const ROOM_ROUTES = {
  list: `${ROOT}/list/index`,
  room: (id: string) => `${ROOT}/room/index?id=${encodeURIComponent(id)}`,
  mine: `${ROOT}/mine/index`,
  duty: `${ROOT}/duty/index`,
  admin: `${ROOT}/admin/index`,
  teams: `${ROOT}/teams/index`,
  edit: (id?: string) => `${ROOT}/edit/index${id ? `?id=${encodeURIComponent(id)}` : ''}`,
  propose: (roomId: string) => `${ROOT}/teams/index?roomId=${encodeURIComponent(roomId)}`,
};
