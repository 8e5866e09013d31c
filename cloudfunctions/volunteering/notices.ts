/**
 * The subscription messages volunteering sends (consent is asked on the sign-up page). Sending never throws and
 * never undoes the action (common/notify). Template ids come from MULIN_TEMPLATE_<NAME> at deploy time.
 */
import { notify, templateId, thing } from '../common/notify';
import { dateTimeKey } from '../../miniprogram/shared/calendar';
import { hoursText } from './domain/hours';

const detailPage = (activityId: string) => `packages/volunteering/pages/detail/index?id=${activityId}`;

/** A waiting volunteer got a seat. */
export function notifyPromoted(
  openid: string,
  a: { _id: string; title: string; startAt: Date },
): Promise<boolean> {
  return notify({
    touser: openid,
    templateId: templateId('VOL_PROMOTED'),
    page: detailPage(a._id),
    data: {
      thing1: thing(a.title),
      time2: { value: dateTimeKey(a.startAt) },
      thing3: thing('候补成功，您已获得名额，请准时参加'),
    },
  });
}

/** The organizer cancelled the activity. */
export function notifyActivityCancelled(
  openid: string,
  a: { _id: string; title: string; startAt: Date },
  reason: string,
): Promise<boolean> {
  return notify({
    touser: openid,
    templateId: templateId('VOL_CANCELLED'),
    page: detailPage(a._id),
    data: { thing1: thing(a.title), time2: { value: dateTimeKey(a.startAt) }, thing3: thing(reason) },
  });
}

/** The timer closed a forgotten check-out. */
export function notifyAutoClosed(openid: string, a: { _id: string; title: string }): Promise<boolean> {
  return notify({
    touser: openid,
    templateId: templateId('VOL_AUTOCLOSED'),
    page: detailPage(a._id),
    data: { thing1: thing(a.title), thing2: thing('忘记签退，已自动签退，时长待组织者确认') },
  });
}

/** The organizer verified the hours. */
export function notifyVerified(
  openid: string,
  s: { activityId: string; activityTitle: string },
  minutes: number,
): Promise<boolean> {
  return notify({
    touser: openid,
    templateId: templateId('VOL_VERIFIED'),
    page: 'packages/volunteering/pages/hours/index',
    data: {
      thing1: thing(s.activityTitle),
      character_string2: { value: `${hoursText(minutes)}h` },
      thing3: thing('服务时长已确认'),
    },
  });
}

/** 爱心积分 will expire at the year's end unless used. */
export function notifyPointsExpiring(openid: string, points: number, dateText: string): Promise<boolean> {
  return notify({
    touser: openid,
    templateId: templateId('VOL_POINTS_EXPIRING'),
    page: 'packages/volunteering/pages/points/index',
    data: {
      number1: { value: String(points) },
      date2: { value: dateText },
      thing3: thing('爱心积分即将过期，请及早到慈善超市兑换'),
    },
  });
}
