/**
 * The volunteering side of the demo community, written through the real functions: a rescue association and its
 * team leader, residents who chose to volunteer (赵磊 among them), and activities from the seeds in every state —
 * a drill last month with verified hours and a certificate, a clean-up day with a forgotten check-out closed by
 * the timer and a no-show, one that ended an hour ago, one going on now with volunteers checked in, one whose
 * sign-up has closed (with a late cancellation), the 地震逃生演练 open for sign-up, 快乐4点半 full with a
 * waitlist (and a promotion), elder visits not yet open, and one the organizer called off.
 * The cloud's clock is moved to when things happened and put back at the end.
 */
import type { LocalCloud } from '../localcloud/cloud';
import type { ActionArgs, ActionInput, ActionName } from '../cloudfunctions/manifest';
import type { AccountSeed } from './account';
import { callOk } from './call';
import { addDays, dateKey, startOfDate } from '../miniprogram/shared/calendar';

const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;

/** Approximate centres of the communities (GCJ-02), for activity places and check-ins. */
const PLACES = {
  'jn-moling-moling': { latitude: 31.863, longitude: 118.835 },
  'jn-moling-yinxiang': { latitude: 31.9, longitude: 118.815 },
  'jn-moling-jiangjunshan': { latitude: 31.927, longitude: 118.79 },
  'jn-lukou-lukou': { latitude: 31.745, longitude: 118.865 },
  'jn-lukou-xinqiao': { latitude: 31.76, longitude: 118.84 },
  'jn-lukou-tongshan': { latitude: 31.775, longitude: 118.9 },
} as const;
type CommunityId = keyof typeof PLACES;

/** Residents who volunteer, beyond the demo people (their openids work through the gateway like the others). */
const EXTRA_VOLUNTEERS = [
  {
    openid: 'demo-volunteer-liu',
    nickname: '刘洋',
    realName: '刘洋',
    phone: '13851700111',
    community: 'jn-moling-moling',
    skills: ['应急救援', '医疗护理'],
  },
  {
    openid: 'demo-volunteer-ma',
    nickname: '马老师',
    realName: '马晓丽',
    phone: '13851700112',
    community: 'jn-moling-yinxiang',
    skills: ['课业辅导', '儿童托管'],
  },
  {
    openid: 'demo-volunteer-he',
    nickname: '何佳',
    realName: '何佳',
    phone: '13851700113',
    community: 'jn-lukou-lukou',
    skills: ['陪伴聊天', '理发'],
  },
  {
    openid: 'demo-volunteer-xu',
    nickname: '徐静',
    realName: '徐静',
    phone: '13851700114',
    community: 'jn-moling-jiangjunshan',
    skills: ['环境清洁', '活动组织'],
  },
  {
    openid: 'demo-volunteer-gu',
    nickname: '顾晨',
    realName: '顾晨',
    phone: '13851700115',
    community: 'jn-moling-moling',
    skills: ['摄影宣传', '秩序引导'],
  },
] as const;

/** The rescue association's team leader (staff of the association). */
const RESCUE_STAFF = {
  openid: 'demo-staff-lantian-1',
  nickname: '蓝天 王队长',
  realName: '王建军',
  phone: '13905170031',
};

/** Seeds volunteering; returns a one-line summary. */
export async function seedVolunteering(cloud: LocalCloud, account: AccountSeed): Promise<string> {
  const offsetBefore = cloud.clock.offset();
  const T = cloud.clock.now();
  const at = (ms: number) => cloud.clock.set(ms);
  const vol = <A extends ActionName<'volunteering'>>(
    openid: string,
    action: A,
    ...input: ActionArgs<'volunteering', A>
  ) => callOk(cloud, 'volunteering', openid, action, ...input);
  // Start of the Beijing day `days` from T, plus `hours`.
  const day = (days: number, hours: number) => startOfDate(addDays(dateKey(T), days), hours * 60).getTime();
  const iso = (ms: number) => new Date(ms).toISOString();

  try {
    // People: the rescue association and its team leader; residents who choose to volunteer.
    const rescue = await callOk(cloud, 'account', 'demo-admin-moling', 'createOrg', {
      name: '江宁区蓝天应急救援协会',
      description: '民间应急救援志愿组织：防灾减灾宣传、应急演练、水上和山地搜救。',
      services: ['应急救援', '安全培训'],
      communityIds: ['jn-moling-moling', 'jn-moling-yinxiang', 'jn-moling-jiangjunshan', 'jn-moling-mozhou'],
      scopeId: 'jn-moling',
      idempotencyKey: 'seed-org-lantian',
    });
    const staff = await callOk(cloud, 'account', RESCUE_STAFF.openid, 'login');
    await callOk(cloud, 'account', RESCUE_STAFF.openid, 'updateProfile', {
      nickname: RESCUE_STAFF.nickname,
      realName: RESCUE_STAFF.realName,
      phone: RESCUE_STAFF.phone,
      communityId: 'jn-moling-moling',
    });
    await callOk(cloud, 'account', 'demo-admin-moling', 'grantRole', {
      targetUserId: staff.id,
      targetRole: 'provider',
      orgId: rescue.id,
    });
    for (const p of EXTRA_VOLUNTEERS) {
      await callOk(cloud, 'account', p.openid, 'login');
      await callOk(cloud, 'account', p.openid, 'updateProfile', {
        nickname: p.nickname,
        communityId: p.community,
      });
      await vol(p.openid, 'becomeVolunteer', {
        realName: p.realName,
        phone: p.phone,
        skills: [...p.skills],
        availability: { weekdays: [0, 6], slots: ['morning', 'afternoon'] },
        location: PLACES[p.community],
      });
    }
    await vol('demo-volunteer-zhao', 'becomeVolunteer', {
      skills: ['应急救援', '秩序引导', '摄影宣传'],
      availability: { weekdays: [0, 6], slots: ['morning'] },
      location: PLACES['jn-moling-yinxiang'],
      intro: '退伍军人，参加过多次应急演练。',
    });
    await vol('demo-resident-zhang', 'becomeVolunteer', {
      skills: ['助老服务', '陪伴聊天', '手机教学'],
      availability: { weekdays: [1, 2, 3, 4, 5], slots: ['evening'] },
    });
    await vol('demo-resident-chen', 'becomeVolunteer', {
      skills: ['课业辅导', '儿童托管', '文艺表演'],
      availability: { weekdays: [1, 2, 3, 4, 5], slots: ['afternoon'] },
    });

    const orgs = { ...account.orgIds, lantian: rescue.id };
    const staffOf = {
      lantian: RESCUE_STAFF.openid,
      hongye: 'demo-staff-hongye-1',
      xinyuan: 'demo-staff-xinyuan-1',
    };
    const create = async (
      key: string,
      o: {
        by: keyof typeof staffOf | 'lukouAdmin';
        title: string;
        description: string;
        community: CommunityId;
        address: string;
        start: number;
        minutes: number;
        capacity: number;
        skills: ActionInput<'volunteering', 'createActivity'>['skills'];
        extra?: Partial<ActionInput<'volunteering', 'createActivity'>>;
      },
    ) =>
      (
        await vol(o.by === 'lukouAdmin' ? 'demo-admin-lukou' : staffOf[o.by], 'createActivity', {
          title: o.title,
          description: o.description,
          ...(o.by === 'lukouAdmin' ? {} : { orgId: orgs[o.by] }),
          communityId: o.community,
          address: o.address,
          location: PLACES[o.community],
          startAt: iso(o.start),
          endAt: iso(o.start + o.minutes * MIN),
          capacity: o.capacity,
          skills: o.skills,
          idempotencyKey: `seed-vol-${key}`,
          ...o.extra,
        })
      ).id;
    const signUp = (id: string, who: string[]) =>
      who.reduce<Promise<unknown>>(
        (p, w) => p.then(() => vol(w, 'signUp', { activityId: id })),
        Promise.resolve(),
      );
    const attend = async (
      id: string,
      organizer: string,
      community: CommunityId,
      who: string,
      action: 'checkIn' | 'checkOut',
    ) => {
      const { code } = await vol(organizer, 'checkinCode', { activityId: id });
      const p = PLACES[community];
      await vol(who, action, {
        activityId: id,
        code,
        location: { latitude: p.latitude + 0.0003, longitude: p.longitude },
      });
    };
    const closeAttendance = async () => {
      const out = await cloud.timers.fire('volunteering', 'closeAttendance');
      if (!out.ok) throw new Error(`closeAttendance: ${out.error.message}`);
    };

    // A. Last month's drill: attended, checked out, closed (顾晨 a no-show), verified; 赵磊 takes a certificate.
    const aStart = day(-30, 9);
    at(aStart - DAY);
    const drillA = await create('drill-spring', {
      by: 'lantian',
      title: '防震减灾应急疏散演练',
      description: '模拟地震发生时的避险和疏散，志愿者负责楼道引导和清点人数。',
      community: 'jn-moling-moling',
      address: '秣陵社区文化广场',
      start: aStart,
      minutes: 150,
      capacity: 10,
      skills: ['应急救援', '秩序引导'],
    });
    await signUp(drillA, ['demo-volunteer-zhao', 'demo-volunteer-liu', 'demo-volunteer-gu']);
    at(aStart - 10 * MIN);
    await attend(drillA, staffOf.lantian, 'jn-moling-moling', 'demo-volunteer-zhao', 'checkIn');
    at(aStart + 5 * MIN);
    await attend(drillA, staffOf.lantian, 'jn-moling-moling', 'demo-volunteer-liu', 'checkIn');
    at(aStart + 130 * MIN);
    await attend(drillA, staffOf.lantian, 'jn-moling-moling', 'demo-volunteer-liu', 'checkOut');
    at(aStart + 160 * MIN);
    await attend(drillA, staffOf.lantian, 'jn-moling-moling', 'demo-volunteer-zhao', 'checkOut');
    at(aStart + 150 * MIN + 2 * H + MIN);
    await closeAttendance();
    await vol(staffOf.lantian, 'verifyAllHours', { activityId: drillA });
    await vol('demo-volunteer-zhao', 'issueCertificate', { idempotencyKey: 'seed-cert-zhao' });

    // B. A clean-up day three days ago: 徐静 forgot to check out (closed by the timer, awaiting verification),
    // 何佳 never came.
    const bStart = day(-3, 9);
    at(bStart - 2 * DAY);
    const cleanB = await create('cleanup', {
      by: 'hongye',
      title: '社区环境清洁日',
      description: '清理楼道堆物和小区绿化带垃圾，工具由社区提供。',
      community: 'jn-moling-jiangjunshan',
      address: '将军山社区南门',
      start: bStart,
      minutes: 120,
      capacity: 8,
      skills: ['环境清洁'],
    });
    await signUp(cleanB, ['demo-volunteer-xu', 'demo-volunteer-ma', 'demo-volunteer-he']);
    at(bStart - 5 * MIN);
    await attend(cleanB, staffOf.hongye, 'jn-moling-jiangjunshan', 'demo-volunteer-xu', 'checkIn');
    await attend(cleanB, staffOf.hongye, 'jn-moling-jiangjunshan', 'demo-volunteer-ma', 'checkIn');
    at(bStart + 120 * MIN);
    await attend(cleanB, staffOf.hongye, 'jn-moling-jiangjunshan', 'demo-volunteer-ma', 'checkOut');
    at(bStart + 120 * MIN + 2 * H + MIN);
    await closeAttendance();

    // E. Tomorrow's visit to the care home: sign-up closed an hour ago; 徐静 cancelled after the deadline.
    const eStart = day(1, 9.5);
    at(T - 5 * DAY);
    const visitE = await create('care-home', {
      by: 'lukouAdmin',
      title: '重阳敬老院慰问',
      description: '陪老人聊天、表演小节目、帮忙整理房间。',
      community: 'jn-lukou-lukou',
      address: '禄口街道敬老院',
      start: eStart,
      minutes: 120,
      capacity: 5,
      skills: ['陪伴聊天', '文艺表演'],
      extra: { signupClosesAt: iso(T - H), cancelDeadline: iso(T - 3 * H) },
    });
    await signUp(visitE, ['demo-resident-zhang', 'demo-volunteer-he', 'demo-volunteer-xu']);

    // C. Ended an hour ago: 赵磊 checked out, 顾晨 has not (the timer closes it after the grace period).
    at(T - DAY);
    const sortingC = await create('sorting', {
      by: 'hongye',
      title: '垃圾分类宣传',
      description: '在小区门口摆摊讲解垃圾分类，发放宣传册。',
      community: 'jn-moling-yinxiang',
      address: '殷巷社区菜场门口',
      start: T - 3 * H,
      minutes: 120,
      capacity: 4,
      skills: ['活动组织'],
    });
    await signUp(sortingC, ['demo-volunteer-zhao', 'demo-volunteer-gu']);
    // D. Going on now: 社区义剪, two volunteers checked in.
    const barberD = await create('barber', {
      by: 'xinyuan',
      title: '社区义剪',
      description: '为行动不便的老人免费理发，上门服务两户。',
      community: 'jn-lukou-xinqiao',
      address: '新桥社区党群服务中心',
      start: T - 30 * MIN,
      minutes: 120,
      capacity: 3,
      skills: ['理发'],
    });
    await signUp(barberD, ['demo-volunteer-he', 'demo-resident-zhang']);
    at(T - 3 * H - 5 * MIN);
    await attend(sortingC, staffOf.hongye, 'jn-moling-yinxiang', 'demo-volunteer-zhao', 'checkIn');
    await attend(sortingC, staffOf.hongye, 'jn-moling-yinxiang', 'demo-volunteer-gu', 'checkIn');
    at(T - 2 * H);
    await vol('demo-volunteer-xu', 'cancelSignUp', { activityId: visitE });
    at(T - H - 10 * MIN);
    await attend(sortingC, staffOf.hongye, 'jn-moling-yinxiang', 'demo-volunteer-zhao', 'checkOut');
    at(T - 28 * MIN);
    await attend(barberD, staffOf.xinyuan, 'jn-lukou-xinqiao', 'demo-volunteer-he', 'checkIn');
    await attend(barberD, staffOf.xinyuan, 'jn-lukou-xinqiao', 'demo-resident-zhang', 'checkIn');

    // Now: F open with seats, G full with a waitlist (and one promotion), H not yet open, I called off.
    at(T);
    const drillF = await create('drill', {
      by: 'lantian',
      title: '地震逃生演练',
      description: '面向居民的地震逃生演练，志愿者负责引导疏散和秩序维护，会前有 20 分钟培训。',
      community: 'jn-moling-moling',
      address: '秣陵社区文化广场',
      start: day(5, 9),
      minutes: 150,
      capacity: 20,
      skills: ['应急救援', '秩序引导'],
    });
    await signUp(drillF, ['demo-volunteer-zhao', 'demo-volunteer-liu']);
    const afterSchoolG = await create('after-school', {
      by: 'hongye',
      title: '快乐4点半',
      description: '放学后陪伴双职工家庭的孩子写作业、做手工，等家长下班来接。',
      community: 'jn-moling-yinxiang',
      address: '殷巷社区四点半课堂',
      start: day(3, 16.5),
      minutes: 90,
      capacity: 3,
      skills: ['课业辅导', '儿童托管'],
    });
    await signUp(afterSchoolG, [
      'demo-resident-chen',
      'demo-volunteer-ma',
      'demo-volunteer-gu',
      'demo-volunteer-zhao',
      'demo-volunteer-xu',
      'demo-volunteer-liu',
    ]);
    await vol('demo-volunteer-gu', 'cancelSignUp', { activityId: afterSchoolG });
    await create('elder-visit', {
      by: 'xinyuan',
      title: '高龄老人探访',
      description: '两人一组探访独居高龄老人，聊天、检查家中用电用气安全。',
      community: 'jn-lukou-lukou',
      address: '禄口社区居委会集合',
      start: day(9, 14.5),
      minutes: 120,
      capacity: 6,
      skills: ['陪伴聊天', '助老服务'],
      extra: { signupOpensAt: iso(T + 2 * DAY) },
    });
    const zongziI = await create('zongzi', {
      by: 'xinyuan',
      title: '端午包粽子送老人',
      description: '和老人一起包粽子，再给行动不便的老人送上门。',
      community: 'jn-lukou-tongshan',
      address: '铜山社区活动室',
      start: day(6, 9),
      minutes: 120,
      capacity: 8,
      skills: ['助老服务'],
    });
    await signUp(zongziI, ['demo-resident-zhang', 'demo-volunteer-he']);
    await vol(staffOf.xinyuan, 'cancelActivity', { activityId: zongziI, reason: '活动室维修，改期另行通知' });
  } finally {
    cloud.clock.advance(offsetBefore - cloud.clock.offset());
  }
  const volunteers = cloud.store.count('volunteers', {});
  const activities = cloud.store.count('volunteer_activities', {});
  const signups = cloud.store.count('volunteer_signups', {});
  return `${volunteers} volunteers, ${activities} activities, ${signups} sign-ups`;
}
