/** How ledger entries are shown to the person they belong to (pure). */
import { dayClockText } from '../../../miniprogram/shared/calendar';
import type { EntryKind, PointEntryDoc } from './documents';

/** A ledger line as the person reads it. */
export interface PointEntryView {
  id: string;
  kind: EntryKind;
  /** 服务获得, 兑换, 退回, 赠出, 收到赠送, 过期, 调整 */
  kindText: string;
  /** The activity, the goods, the relative, or the reason. */
  title: string;
  /** Points added (negative: taken). */
  delta: number;
  balanceAfter: number;
  /** An adjustment's reason, shown to the person it concerns. */
  reason?: string;
  /** A compensation that found less than it asked for: points that had already been used. */
  shortfall?: number;
  /** e.g. `5月1日 09:30` */
  whenText: string;
}

/** Words for each kind of entry. */
export const KIND_TEXT: Record<EntryKind, string> = {
  earn: '服务获得',
  spend: '兑换',
  refund: '兑换退回',
  give: '赠出',
  receive: '收到赠送',
  expire: '过期',
  adjust: '调整',
};

/** A ledger line. */
export function entryView(e: PointEntryDoc): PointEntryView {
  return {
    id: e._id,
    kind: e.kind,
    kindText: KIND_TEXT[e.kind],
    title: e.cause.title,
    delta: e.delta,
    balanceAfter: e.balanceAfter,
    ...(e.reason ? { reason: e.reason } : {}),
    ...(e.shortfall ? { shortfall: e.shortfall } : {}),
    whenText: dayClockText(e.at),
  };
}
