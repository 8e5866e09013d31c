/** How volunteering reads to people: phases, standings, hours, distances, skills and week days in plain Chinese. */
import { distanceWords } from '../../../lib/distance';
import type { ActivityListItem, Phase, Skill } from './views';

/** Every skill, in the order the function lists them (kept in step with contract.ts SKILLS by a page test). */
export const SKILL_CHOICES: Skill[] = [
  '陪伴聊天',
  '助老服务',
  '儿童托管',
  '课业辅导',
  '应急救援',
  '医疗护理',
  '心理疏导',
  '文艺表演',
  '摄影宣传',
  '法律咨询',
  '手机教学',
  '理发',
  '家电维修',
  '环境清洁',
  '秩序引导',
  '活动组织',
];

/** A phase as a short label and a TDesign tag theme. */
export const PHASES: Record<Phase, { label: string; theme: string }> = {
  notOpen: { label: '报名未开始', theme: 'default' },
  open: { label: '报名中', theme: 'primary' },
  signupClosed: { label: '报名已截止', theme: 'warning' },
  ongoing: { label: '进行中', theme: 'success' },
  ended: { label: '已结束', theme: 'default' },
  completed: { label: '已结束', theme: 'default' },
  cancelled: { label: '已取消', theme: 'danger' },
};

/** Week days as people say them, index 0 = Sunday. */
export const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** Parts of the day. */
export const SLOTS: { value: 'morning' | 'afternoon' | 'evening'; label: string }[] = [
  { value: 'morning', label: '上午' },
  { value: 'afternoon', label: '下午' },
  { value: 'evening', label: '晚上' },
];

/** Hours as people say them: 150 minutes → "2.5 小时", 40 → "40 分钟". */
export function hoursWords(minutes: number): string {
  if (minutes < 60) return `${minutes} 分钟`;
  const h = Math.round((minutes / 60) * 10) / 10;
  return `${Number.isInteger(h) ? h : h.toFixed(1)} 小时`;
}

/** "350 米" / "1.2 公里" (one home for all pages: lib/distance.ts). */
export { distanceWords };

/**
 * Times are read in Beijing time (UTC+8, no daylight saving) whatever the phone is set to: the activities are in
 * 江宁区 and the function words its times the same way (domain/time.ts).
 */
const BEIJING_MS = 8 * 3_600_000;

/** The Beijing wall-clock reading of an instant, as UTC fields of a shifted Date. */
function beijing(at: Date | string | number): Date {
  return new Date(new Date(at).getTime() + BEIJING_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** HH:mm of an ISO time (Beijing). */
export function clock(iso: string): string {
  const b = beijing(iso);
  return `${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}

/** M月D日 HH:mm of an ISO time (Beijing). */
export function dayAndClock(iso: string): string {
  const b = beijing(iso);
  return `${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${clock(iso)}`;
}

/** `YYYY-MM-DD HH:mm` in Beijing time. */
export function beijingText(at: Date): string {
  const b = beijing(at);
  return `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}

/** Parses `YYYY-MM-DD HH:mm` as Beijing time. */
export function parseBeijing(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!) - BEIJING_MS) : undefined;
}

/** Midnight (Beijing) starting the day `days` after the one `at` falls in, and month starts likewise. */
export function beijingMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month, day) - BEIJING_MS);
}

/** Year and month (0-based) of an instant in Beijing. */
export function beijingYearMonth(at: Date): { year: number; month: number } {
  const b = beijing(at);
  return { year: b.getUTCFullYear(), month: b.getUTCMonth() };
}

/** An activity as a card of a list. */
export interface ActivityCard {
  id: string;
  title: string;
  time: string;
  place: string;
  organizer: string;
  phase: string;
  phaseTheme: string;
  /** "还剩 3 个名额" / "已满，4 人候补". */
  seats: string;
  full: boolean;
  distance: string;
  url: string;
}

/** The card for a list item. */
export function activityCard(a: ActivityListItem): ActivityCard {
  const phase = PHASES[a.phase];
  const signingUp = a.phase === 'open' || a.phase === 'notOpen';
  const seats = !signingUp
    ? `${a.admitted} 人参加`
    : a.seatsLeft > 0
      ? `还剩 ${a.seatsLeft} 个名额`
      : a.waiting > 0
        ? `已满，${a.waiting} 人候补`
        : '名额已满，可以候补';
  return {
    id: a.id,
    title: a.title,
    time: a.timeText,
    place: `${a.communityName} · ${a.address}`,
    organizer: a.organizerName,
    phase: phase.label,
    phaseTheme: phase.theme,
    seats,
    full: signingUp && a.seatsLeft === 0,
    distance: a.distanceM !== undefined ? distanceWords(a.distanceM) : '',
    url: `/packages/volunteering/pages/detail/index?id=${encodeURIComponent(a.id)}`,
  };
}

/** The activity id inside a scanned check-in code (`MLV1.<id>.<window>.<mac>`), if it looks like one. */
export function activityIdOfCode(code: string): string | undefined {
  const parts = code.trim().split('.');
  return parts.length === 4 && parts[0] === 'MLV1' && parts[1] ? parts[1] : undefined;
}
