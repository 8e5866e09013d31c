/**
 * The supermarket's inventory and its reconciliation. The chains are the record: units in are the quantities of
 * `received` events, units out those of `confirmed` events, so received − delivered is what must be on hand.
 * Two independent figures are held against it: the units the donations' stored status puts on the shelf (a
 * donation whose status disagrees with its chain shows up here) and the latest stocktake staff counted. A
 * general-stock gift split into parts is received once (its chain) and its parts are delivered (theirs); on the
 * shelf are the gift's units not yet allocated and the parts not yet confirmed.
 */
import type { ReconciliationView, StockLine } from '../contract';
import { verifyChain, type ChainEvent } from './chain';
import type { DonationDoc, StocktakeDoc } from '../documents';
import { ON_HAND_STATUSES, replayStatus } from './states';

/** The parts of a donation reconciliation reads. */
export type StockDonation = Pick<
  DonationDoc,
  '_id' | 'kind' | 'status' | 'item' | 'unit' | 'receivedQuantity' | 'head' | 'giftId'
> & { events: ChainEvent[] };

/** The key items are grouped by: the same words and unit, ignoring width, case and spaces. */
export function itemKey(item: string, unit: string): string {
  const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  return `${norm(item)}|${norm(unit)}`;
}

const quantityOf = (e: ChainEvent): number => (typeof e.data.quantity === 'number' ? e.data.quantity : 0);

/** Builds the report for one supermarket. `stocktakes` in any order; the latest count of each item is used. */
export function reconcile(
  supermarketId: string,
  donations: readonly StockDonation[],
  stocktakes: readonly Pick<StocktakeDoc, 'counts' | 'at'>[],
  now: Date,
): ReconciliationView {
  const lines = new Map<string, StockLine>();
  const line = (item: string, unit: string): StockLine => {
    const key = itemKey(item, unit);
    let l = lines.get(key);
    if (!l) {
      l = { item, unit, received: 0, delivered: 0, expected: 0, onShelf: 0, flags: [] };
      lines.set(key, l);
    }
    return l;
  };
  const flaggedDonations: ReconciliationView['flaggedDonations'] = [];
  const splitOff = new Map<string, number>();
  for (const d of donations)
    if (d.giftId) splitOff.set(d.giftId, (splitOff.get(d.giftId) ?? 0) + (d.receivedQuantity ?? 0));
  for (const d of donations) {
    const check = verifyChain(d._id, d.events, d.head);
    if (!check.intact) flaggedDonations.push({ donationId: d._id, reason: `chain:${check.broken!.reason}` });
    const replay = replayStatus(d.kind, d.events);
    if (!replay.valid || replay.status !== d.status)
      flaggedDonations.push({ donationId: d._id, reason: `status:${d.status}≠${replay.status ?? 'none'}` });
    const l = line(d.item, d.unit);
    for (const e of d.events) {
      if (e.type === 'received') l.received += quantityOf(e);
      if (e.type === 'confirmed') l.delivered += quantityOf(e);
    }
    if (ON_HAND_STATUSES.includes(d.status))
      l.onShelf += (d.receivedQuantity ?? 0) - (splitOff.get(d._id) ?? 0);
  }
  const latest = [...stocktakes].sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime());
  const counted = new Set<string>();
  for (const take of latest) {
    for (const c of take.counts) {
      const key = itemKey(c.item, c.unit);
      if (counted.has(key)) continue;
      counted.add(key);
      const l = line(c.item, c.unit);
      l.counted = c.counted;
      l.countedAt = new Date(take.at).toISOString();
    }
  }
  const out = [...lines.values()]
    .filter((l) => l.received > 0 || l.counted !== undefined || l.onShelf > 0)
    .map((l) => {
      const expected = l.received - l.delivered;
      const flags: StockLine['flags'] = [];
      if (l.onShelf !== expected) flags.push('status-mismatch');
      if (l.counted !== undefined && l.counted !== expected) flags.push('count-mismatch');
      return { ...l, expected, flags };
    })
    .sort((a, b) => a.item.localeCompare(b.item, 'zh-CN') || a.unit.localeCompare(b.unit, 'zh-CN'));
  return {
    supermarketId,
    lines: out,
    flaggedDonations,
    balanced: out.every((l) => l.flags.length === 0) && flaggedDonations.length === 0,
    at: now.toISOString(),
  };
}
