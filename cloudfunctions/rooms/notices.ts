/**
 * The subscription messages rooms sends (consent is asked on the booking page and the team form). Sending never
 * throws and never undoes the action (common/notify). Template ids come from MULIN_TEMPLATE_<NAME> at deploy time.
 */
import { notify, templateId, thing } from '../common/notify';
import { dateKeyText } from '../../miniprogram/shared/calendar';

const MINE = 'packages/rooms/pages/mine/index';
const TEAMS = 'packages/rooms/pages/teams/index';

/** A closure cancelled the booker's booking(s) in the room. */
export function notifyClosed(
  openid: string,
  room: { name: string },
  closure: { from: string; to: string; reason: string },
): Promise<boolean> {
  const days = closure.from === closure.to ? dateKeyText(closure.from) : `${dateKeyText(closure.from)}起`;
  return notify({
    touser: openid,
    templateId: templateId('ROOM_CLOSED'),
    page: MINE,
    data: {
      thing1: thing(room.name),
      thing2: thing(`${days}暂停开放，预约已取消`),
      thing3: thing(closure.reason),
    },
  });
}

/** The community decided on a team's weekly slot. */
export function notifyTeamDecided(
  openid: string,
  team: { name: string; slotText: string },
  approved: boolean,
  note: string,
): Promise<boolean> {
  return notify({
    touser: openid,
    templateId: templateId('ROOM_TEAM'),
    page: TEAMS,
    data: {
      thing1: thing(team.name),
      thing2: thing(approved ? `已批准：${team.slotText}` : '未批准固定时段'),
      thing3: thing(note || (approved ? '请按时活动，不来时记得说一声' : '可以换个时段再申请')),
    },
  });
}
