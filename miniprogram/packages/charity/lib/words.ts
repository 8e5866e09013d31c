/**
 * How charity things read to people: times in Beijing time, the masked profile, each step of a chain in a
 * plain sentence, and the choices of a day to bring an item.
 */
import type { DonationView, EventView, NeedView, PublicProfile } from './views';
import { addDays, dateKey, dayClockText, dayText, startOfDate } from '../../../shared/calendar';

/** 张* · 80岁 · 秣陵街道 */
export function profileText(p: PublicProfile | undefined): string {
  if (!p) return '待分配给受助人';
  return [p.name, p.age !== undefined ? `${p.age}岁` : '', p.street].filter(Boolean).join(' · ');
}

/** The first 8 characters of a hash, for showing. */
export function shortHash(hash: string): string {
  return hash.slice(0, 8);
}

/** One step of a chain as a line of the timeline. */
export interface StepLine {
  seq: number;
  title: string;
  detail: string;
  time: string;
  place: string;
  hash: string;
}

/** A step in a plain sentence. */
export function stepLine(e: EventView, unit: string): StepLine {
  const q = typeof e.data.quantity === 'number' ? `${e.data.quantity}${unit}` : '';
  let detail = '';
  switch (e.type) {
    case 'pledged':
      detail = `认捐 ${q}，约定 ${typeof e.data.pledgeBy === 'string' ? dayText(e.data.pledgeBy) : ''}前送到`;
      break;
    case 'received':
      detail = `收到 ${q}，${e.data.condition === 'good' ? '物品完好' : '有些旧，但能用'}`;
      break;
    case 'rejected':
      detail = '物品不宜转赠，超市没有接收';
      break;
    case 'allocated':
      detail = `分配给受助人 ${q}`;
      break;
    case 'dispatched':
      detail = e.data.mode === 'pickup' ? '请受助人到超市领取' : '工作人员送货上门';
      break;
    case 'confirmed':
      detail = e.data.via === 'recipient' ? `受助人本人确认收到 ${q}` : `受助人出示收货码，确认收到 ${q}`;
      break;
    case 'thanked':
      detail = `“${String(e.data.message ?? '')}”`;
      break;
    case 'expired':
      detail = '没有在约定日期前送到，心愿重新开放';
      break;
    case 'cancelled':
      detail = '捐赠人取消了认捐';
      break;
  }
  return {
    seq: e.seq,
    title: e.label,
    detail,
    time: dayClockText(e.at),
    place: e.place,
    hash: shortHash(e.hash),
  };
}

/** TDesign tag theme of a status. */
export function statusTheme(
  status: DonationView['status'],
): 'primary' | 'success' | 'warning' | 'danger' | 'default' {
  if (status === 'confirmed' || status === 'thanked') return 'success';
  if (status === 'expired' || status === 'cancelled' || status === 'rejected') return 'default';
  if (status === 'pledged') return 'warning';
  return 'primary';
}

/** A donation as a list card (small: lists send 20 of these at once). */
export interface DonationCard {
  id: string;
  title: string;
  profile: string;
  status: string;
  statusLabel: string;
  statusTheme: string;
  lastStep: string;
  head: string;
  steps: number;
  /** The one-time confirmation code, when the viewer may see it. */
  confirmCode: string;
}

/** A gift to general stock that ended before the supermarket took it in: nothing is waiting to be allocated. */
const ENDED_UNRECEIVED = new Set<DonationView['status']>(['expired', 'cancelled', 'rejected']);

/** A donation for a list; `forRecipient` says who it is from instead of whom it is for. */
export function donationCard(d: DonationView, forRecipient = false): DonationCard {
  const last = d.events[d.events.length - 1];
  return {
    id: d.id,
    title: `${d.item} ${d.receivedQuantity ?? d.quantity}${d.unit}`,
    profile: forRecipient
      ? `来自爱心人士 ${d.donor}`
      : d.recipient
        ? `送给 ${profileText(d.recipient)}`
        : d.remaining !== undefined && d.parts?.length
          ? d.remaining > 0
            ? `捐给${d.supermarket.name}，已分出 ${d.parts.length} 份，还剩 ${d.remaining}${d.unit} 待分配`
            : `捐给${d.supermarket.name}，已全部分给受助人（${d.parts.length} 份）`
          : ENDED_UNRECEIVED.has(d.status)
            ? `捐给${d.supermarket.name}，未入库`
            : `捐给${d.supermarket.name}，待分配`,
    status: d.status,
    statusLabel: d.statusLabel,
    statusTheme: statusTheme(d.status),
    lastStep: last ? `${dayClockText(last.at)} · ${last.place}` : '',
    head: shortHash(d.head.hash),
    steps: d.events.length,
    confirmCode: d.confirmCode ?? '',
  };
}

/** A need for a list. */
export interface NeedCard {
  id: string;
  title: string;
  profile: string;
  category: string;
  story: string;
  left: string;
  percent: number;
  deadline: string;
  community: string;
  state: NeedView['state'];
}

/** A need for a list. */
export function needCard(n: NeedView): NeedCard {
  const claimed = n.quantity - n.available;
  return {
    id: n.id,
    title: `${n.item} ${n.quantity}${n.unit}`,
    profile: profileText(n.recipient),
    category: n.recipient.categoryLabel,
    story: n.story,
    left:
      n.available > 0
        ? `还差 ${n.available}${n.unit}`
        : n.delivered >= n.quantity
          ? '已全部送达'
          : '已认领完',
    percent: Math.round((claimed / n.quantity) * 100),
    deadline: `${dayText(n.deadline)}截止`,
    community: n.communityName,
    state: n.state,
  };
}

/** A day to bring the item: label and the time (17:00 Beijing, when supermarkets close). */
export interface DayChoice {
  label: string;
  iso: string;
}

/** Up to four days to choose from within the pledge window. */
export function dayChoices(window: { earliest: string; latest: string }, now = Date.now()): DayChoice[] {
  const earliest = Date.parse(window.earliest);
  const latest = Date.parse(window.latest);
  const today = dateKey(now);
  const names: Record<number, string> = { 0: '今天', 1: '明天', 2: '后天' };
  const out: DayChoice[] = [];
  for (const days of [0, 1, 2, 3, 7, 14]) {
    const at = startOfDate(addDays(today, days), 17 * 60).getTime();
    if (at < earliest || at > latest) continue;
    const iso = new Date(at).toISOString();
    out.push({ label: names[days] ?? `${days}天内（${dayText(iso)}）`, iso });
  }
  if (out.length === 0 && latest >= earliest) out.push({ label: dayText(window.latest), iso: window.latest });
  return out.slice(0, 4);
}

/**
 * What happens next with a donation and who acts, for a viewer the page offers nothing to do (so no status is a
 * dead end).
 */
export function donationNextStep(
  d: Pick<DonationView, 'can' | 'status' | 'kind' | 'mine' | 'pledgeBy' | 'supermarket' | 'remaining'>,
): string {
  const c = d.can;
  if (Object.values(c).some(Boolean)) return '';
  switch (d.status) {
    case 'pledged':
      return d.mine ? '' : `等捐赠人在 ${dayText(d.pledgeBy)} 前把物品送到${d.supermarket.name}。`;
    case 'received':
      if (d.kind === 'stock')
        return d.remaining === 0
          ? '这份捐赠已全部分给受助人，每一份的去向见上方。'
          : `物品已在${d.supermarket.name}，工作人员会把它分配给需要的人；分配后这里会写明去向。`;
      return `物品已在${d.supermarket.name}，工作人员会尽快安排送货或通知受助人领取。`;
    case 'allocated':
      return `已分配给受助人，${d.supermarket.name}的工作人员会尽快安排送货或通知领取。`;
    case 'out_for_delivery':
    case 'ready_for_pickup':
      return '等受助人收到后确认；有疑问请联系超市。';
    case 'confirmed':
      return '受助人已收到，他们可以在这里写一句感谢。';
    case 'thanked':
      return '这份捐赠已经完成，谢谢每一位经手的人。';
    case 'expired':
      return '物品没有在约定日期前送到，认捐已自动取消，心愿已重新开放给其他人。';
    case 'cancelled':
      return '认捐已取消，心愿已重新开放给其他人。';
    case 'rejected':
      return `物品在超市验收时不能使用，没有接收。有疑问请联系${d.supermarket.name}。`;
  }
}
