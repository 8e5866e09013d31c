/**
 * The rooms side of the demo (活动室), written through the real functions: three rooms in 禄口社区 and two in 秣陵社区,
 * each looked after by a resident manager (周德顺, 57, the table-tennis room's volunteer manager; 钱桂芳 in 秣陵);
 * two teams holding weekly slots (王奶奶's 诗词小组 in the reading room, 钱桂芳's 广场舞队) and one waiting for
 * approval; a week that happened — bookings, check-ins by code and by name, the rooms opened and locked, two
 * no-shows counted by the timer — and a week of bookings to come, a repair closure and a broken net reported.
 * The clock goes back a week for the past and returns to where it was.
 */
import type { ActionArgs, ActionName } from '../cloudfunctions/manifest';
import type { LocalCloud } from '../localcloud/cloud';
import { addDays, dateKey, startOfDate } from '../miniprogram/shared/calendar';
import type { AccountSeed } from './account';
import { callOk } from './call';
import { png } from './png';

/** The rooms' resident managers (README lists them with the demo people). */
export const ROOM_MANAGERS = [
  {
    openid: 'demo-resident-zhou',
    nickname: '周师傅',
    realName: '周德顺',
    birthYear: 1969,
    communityId: 'jn-lukou-lukou',
    phone: '13851700106',
  },
  {
    openid: 'demo-resident-qian',
    nickname: '钱阿姨',
    realName: '钱桂芳',
    birthYear: 1965,
    communityId: 'jn-moling-moling',
    phone: '13851700107',
  },
] as const;

const H = (h: number, m = 0) => h * 60 + m;
const everyDay = (open: number, close: number) => Array.from({ length: 7 }, () => ({ open, close }));

type RoomKey = 'pingpong' | 'dance' | 'reading' | 'hall' | 'gym';

/** Colours of the stand-in photos of the rooms that have some. */
const PHOTOS: Partial<Record<RoomKey, [number, number, number][]>> = {
  pingpong: [
    [70, 130, 180],
    [46, 139, 87],
  ],
  hall: [[205, 133, 63]],
};

/** The rooms: where, what, and who books them in the demo week. */
const ROOMS: Record<
  RoomKey,
  {
    admin: string;
    manager: string;
    bookers: string[];
    input: Omit<ActionArgs<'rooms', 'createRoom'>[0], 'idempotencyKey'>;
  }
> = {
  pingpong: {
    admin: 'demo-admin-lukou',
    manager: 'demo-resident-zhou',
    bookers: ['demo-resident-zhang', 'demo-staff-xinyuan-2', 'demo-resident-zhou', 'demo-resident-chen'],
    input: {
      communityId: 'jn-lukou-lukou',
      name: '乒乓球室',
      kind: '乒乓球室',
      capacity: 8,
      equipment: ['球台 2 张', '球拍 8 副', '发球机'],
      rules: '请穿运动鞋入场；用完把球拍放回架子；离开时关灯关空调。',
      accessible: true,
      accessNote: '北门有坡道，可推轮椅',
      address: '禄口社区党群服务中心一楼东侧',
      hours: everyDay(H(8), H(21)),
      slotMinutes: 60,
      weeklyLimitMinutes: 240,
    },
  },
  dance: {
    admin: 'demo-admin-lukou',
    manager: 'demo-resident-zhou',
    bookers: ['demo-resident-zhang', 'demo-resident-wang'],
    input: {
      communityId: 'jn-lukou-lukou',
      name: '舞蹈室',
      kind: '舞蹈室',
      capacity: 30,
      equipment: ['音响', '整面镜墙', '把杆'],
      rules: '请勿穿高跟鞋；音乐音量晚上 8 点后调小。',
      accessible: true,
      accessNote: '电梯到二楼',
      address: '禄口社区党群服务中心二楼',
      hours: everyDay(H(8), H(21)),
      slotMinutes: 90,
      weeklyLimitMinutes: 360,
    },
  },
  reading: {
    admin: 'demo-admin-lukou',
    manager: 'demo-resident-zhou',
    bookers: ['demo-resident-wang', 'demo-resident-zhang'],
    input: {
      communityId: 'jn-lukou-lukou',
      name: '阅览室',
      kind: '阅览室',
      capacity: 20,
      equipment: ['大字书 200 册', '老花镜', '报刊架'],
      rules: '保持安静；书看完放回原处，借书请找管理员登记。',
      accessible: true,
      accessNote: '一楼，无台阶',
      address: '禄口社区党群服务中心一楼西侧',
      hours: [null, ...Array.from({ length: 6 }, () => ({ open: H(8, 30), close: H(17) }))],
      slotMinutes: 60,
      weeklyLimitMinutes: 480,
    },
  },
  hall: {
    admin: 'demo-admin-moling',
    manager: 'demo-resident-qian',
    bookers: ['demo-resident-li', 'demo-volunteer-zhao', 'demo-staff-hongye-1', 'demo-resident-qian'],
    input: {
      communityId: 'jn-moling-moling',
      name: '多功能活动室',
      kind: '多功能室',
      capacity: 40,
      equipment: ['投影仪', '音响', '折叠桌椅 40 套'],
      rules: '活动结束请把桌椅归位；使用投影请提前告诉管理员。',
      accessible: true,
      accessNote: '正门平进',
      address: '秣陵社区邻里中心一楼',
      hours: everyDay(H(8), H(21)),
      slotMinutes: 60,
      weeklyLimitMinutes: 240,
    },
  },
  gym: {
    admin: 'demo-admin-moling',
    manager: 'demo-resident-qian',
    bookers: ['demo-volunteer-zhao', 'demo-resident-qian'],
    input: {
      communityId: 'jn-moling-moling',
      name: '健身房',
      kind: '健身房',
      capacity: 10,
      equipment: ['跑步机 3 台', '动感单车', '哑铃'],
      rules: '60 岁以上居民使用器械请有家人或管理员陪同。',
      accessible: false,
      accessNote: '',
      address: '秣陵社区邻里中心二楼（无电梯）',
      hours: everyDay(H(9), H(20)),
      slotMinutes: 60,
      weeklyLimitMinutes: 180,
      cancelBeforeMinutes: 60,
    },
  },
};

/** A day of the past week: what was booked (who: the room's bookers in turn). */
const PAST_DAY: { room: RoomKey; start: number; people: number; purpose: string }[] = [
  { room: 'pingpong', start: H(9), people: 2, purpose: '和邻居打球' },
  { room: 'pingpong', start: H(18), people: 4, purpose: '下班后练球' },
  { room: 'hall', start: H(9), people: 6, purpose: '太极拳练习' },
  { room: 'hall', start: H(15), people: 12, purpose: '应急知识讲座' },
  { room: 'gym', start: H(19), people: 1, purpose: '健身' },
];
/** The bookings of the past week nobody came to (days before today). */
const MISSED = [
  { day: -5, room: 'pingpong', start: H(9) },
  { day: -3, room: 'hall', start: H(15) },
];
/** The week to come: every day, or on one day (`day` from today); who: the room's bookers in turn. */
const COMING: {
  room: RoomKey;
  start: number;
  people: number;
  purpose: string;
  day?: number;
  who?: string;
}[] = [
  { room: 'pingpong', start: H(19), people: 2, purpose: '和邻居打球' },
  { room: 'hall', start: H(9), people: 6, purpose: '太极拳练习' },
  { room: 'reading', start: H(9, 30), people: 1, purpose: '看报纸', day: 1, who: 'demo-resident-wang' },
  { room: 'dance', start: H(9, 30), people: 8, purpose: '老姐妹练扇子舞', day: 2, who: 'demo-resident-wang' },
  { room: 'pingpong', start: H(10), people: 2, purpose: '陪孙子打球', day: 4, who: 'demo-resident-wang' },
];

/** Seeds the rooms; returns a one-line summary. */
export async function seedRooms(cloud: LocalCloud, account: AccountSeed): Promise<string> {
  const offsetBefore = cloud.clock.offset();
  const T = cloud.clock.now();
  const today = dateKey(T);
  const at = (date: string, minutes: number) => cloud.clock.set(startOfDate(date, minutes).getTime());
  const rooms = <A extends ActionName<'rooms'>>(
    openid: string,
    action: A,
    ...input: ActionArgs<'rooms', A>
  ) => callOk(cloud, 'rooms', openid, action, ...input);
  let keys = 0;
  const key = (what: string) => `seed-rooms-${what}-${++keys}`;
  const ids = { ...account.userIds };

  try {
    for (const p of ROOM_MANAGERS) {
      const me = await callOk(cloud, 'account', p.openid, 'login');
      await callOk(cloud, 'account', p.openid, 'updateProfile', {
        nickname: p.nickname,
        realName: p.realName,
        birthYear: p.birthYear,
        communityId: p.communityId,
        phone: p.phone,
      });
      ids[p.openid] = me.id;
    }
    // 钱桂芳 is also a registered volunteer, so her turns on duty show in her 我的时长 (周德顺's are kept under his
    // id until he registers).
    await callOk(cloud, 'volunteering', 'demo-resident-qian', 'becomeVolunteer', {
      skills: ['文艺表演', '秩序引导'],
      availability: { weekdays: [1, 3, 5], slots: ['evening'] },
    });
    // A week ago: the rooms, their managers and the teams.
    const start = addDays(today, -7);
    at(start, H(7));
    const roomIds = {} as Record<RoomKey, string>;
    for (const [k, r] of Object.entries(ROOMS) as [RoomKey, (typeof ROOMS)[RoomKey]][]) {
      // Stand-in photos, uploaded as the admin's own (rooms/<their id>/…), for the rooms that have them.
      const photos = (PHOTOS[k] ?? []).map((rgb, i) =>
        cloud.storage.putFile(`rooms/${ids[r.admin]!}/seed-${k}-${i}.png`, png(rgb, 320, 200)),
      );
      roomIds[k] = (
        await rooms(r.admin, 'createRoom', { ...r.input, photos, idempotencyKey: `seed-room-${k}` })
      ).id;
      await rooms(r.admin, 'setManagers', { roomId: roomIds[k], managerIds: [ids[r.manager]!] });
    }
    const poems = await rooms('demo-resident-wang', 'proposeTeam', {
      roomId: roomIds.reading,
      name: '诗词小组',
      weekday: 3,
      start: H(14),
      end: H(16),
      members: ['王秀英', '张阿姨', '陈老师', '刘奶奶', '赵大爷'],
      idempotencyKey: 'seed-team-poems',
    });
    await rooms('demo-admin-lukou', 'decideTeam', { teamId: poems.id, approve: true, note: '欢迎常来' });
    const dance = await rooms('demo-resident-qian', 'proposeTeam', {
      roomId: roomIds.hall,
      name: '广场舞队',
      weekday: 1,
      start: H(19),
      end: H(20, 30),
      members: ['钱桂芳', '孙阿姨', '周阿姨', '吴阿姨', '郑阿姨', '冯大姐', '陈大姐', '褚阿姨'],
      idempotencyKey: 'seed-team-dance',
    });
    await rooms('demo-admin-moling', 'decideTeam', { teamId: dance.id, approve: true, note: '' });

    // The past week: bookings made that morning, the rooms opened, people checked in (by code, 李爷爷 by name: he
    // has no smartphone with him), the rooms locked; two bookings nobody came to.
    let booked = 0;
    let checkedIn = 0;
    for (let d = -7; d < 0; d++) {
      const date = addDays(today, d);
      const plans = PAST_DAY.filter((p) => p.room !== 'gym' || d % 2 === 0).map((p, i) => ({
        ...p,
        who: ROOMS[p.room].bookers[(7 + d + i) % ROOMS[p.room].bookers.length]!,
        come: !MISSED.some((m) => m.day === d && m.room === p.room && m.start === p.start),
      }));
      at(date, H(7));
      const made = [];
      for (const p of plans) {
        const b = await rooms(p.who, 'book', {
          roomId: roomIds[p.room],
          date,
          start: p.start,
          people: p.people,
          purpose: p.purpose,
          idempotencyKey: key('past'),
        });
        made.push({ p, b });
        booked++;
      }
      for (const k of ['pingpong', 'hall', 'gym'] as const) {
        const inRoom = made.filter((m) => m.p.room === k);
        if (inRoom.length === 0) continue;
        at(date, Math.min(...inRoom.map((m) => m.p.start)) - 20);
        await rooms(ROOMS[k].manager, 'openRoom', { roomId: roomIds[k] });
        for (const { p, b } of inRoom.filter((m) => m.p.come)) {
          at(date, p.start + 5);
          const byName = p.who === 'demo-resident-li';
          await rooms(
            ROOMS[k].manager,
            'checkIn',
            byName ? { roomId: roomIds[k], bookingId: b.id } : { roomId: roomIds[k], code: b.code! },
          );
          checkedIn++;
        }
        at(date, Math.max(...inRoom.map((m) => m.p.start)) + 75);
        await rooms(ROOMS[k].manager, 'closeRoom', { roomId: roomIds[k] });
      }
    }
    cloud.clock.set(T);
    const out = await cloud.timers.fire('rooms', 'settle');
    if (!out.ok) throw new Error(`rooms settle: ${out.error.message}`);

    // The week to come: bookings (today's where still ahead), a repair, a broken net, a team still waiting.
    let coming = 0;
    for (let d = 0; d < 7; d++) {
      const date = addDays(today, d);
      for (const [i, w] of COMING.filter((c) => c.day === undefined || c.day === d).entries()) {
        const who = w.who ?? ROOMS[w.room].bookers[(d + i) % ROOMS[w.room].bookers.length]!;
        if (startOfDate(date, w.start).getTime() <= T + 30 * 60_000) continue;
        await rooms(who, 'book', {
          roomId: roomIds[w.room],
          date,
          start: w.start,
          people: w.people,
          purpose: w.purpose,
          idempotencyKey: key('coming'),
        });
        coming++;
      }
    }
    await rooms('demo-admin-moling', 'addClosure', {
      roomId: roomIds.gym,
      from: addDays(today, 3),
      to: addDays(today, 3),
      reason: '器械检修',
    });
    await rooms('demo-resident-zhou', 'reportIssue', {
      roomId: roomIds.pingpong,
      text: '东边那张球台的网松了，夹子坏了一个，需要换新的。',
      idempotencyKey: 'seed-issue-net',
    });
    await rooms('demo-resident-li', 'proposeTeam', {
      roomId: roomIds.hall,
      name: '太极拳小组',
      weekday: 6,
      start: H(16),
      end: H(17, 30),
      members: ['李建国', '老孙', '老周'],
      idempotencyKey: 'seed-team-taichi',
    });
    const noShows = cloud.store.docs('room_bookings').filter((b) => b.status === 'noShow').length;
    return `5 rooms, 3 teams (1 waiting), ${booked} past bookings (${checkedIn} checked in, ${noShows} no-shows), ${coming} coming, 1 closure, 1 issue`;
  } finally {
    cloud.clock.advance(offsetBefore - cloud.clock.offset());
  }
}

/** The id of the demo room of this name (for tests and picture states), or throws. */
export function demoRoomId(cloud: Pick<LocalCloud, 'store'>, name: string): string {
  const found = cloud.store.docs('rooms').find((r) => r.name === name);
  if (!found) throw new Error(`no demo room named ${name}`);
  return String(found._id);
}
