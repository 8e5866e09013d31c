/** How volunteering reads to people: phases, standings, hours and distances (times, skills: miniprogram/shared). */
import { distanceWords } from '../../../lib/distance';
import type { ActivityListItem, Phase } from './views';

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

/** Hours as people say them: 150 minutes → "2.5 小时", 40 → "40 分钟". */
export function hoursWords(minutes: number): string {
  if (minutes < 60) return `${minutes} 分钟`;
  const h = Math.round((minutes / 60) * 10) / 10;
  return `${Number.isInteger(h) ? h : h.toFixed(1)} 小时`;
}

/** "350 米" / "1.2 公里" (one home for all pages: lib/distance.ts). */
export { distanceWords };

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
