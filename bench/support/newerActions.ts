/**
 * A working day of the newer capabilities on the full demo, for actions.bench.ts's server times: 随手拍 (reports),
 * activity rooms, purchased services (projects) and a person's rights over their data (account), each action
 * called as the demo person who would use it, a few times over. A call that fails is reported (its time would be
 * an error path's, not the action's).
 */
import { addDays, dateKey } from '../../miniprogram/shared/calendar';
import type { DemoCloud } from '../../test/support/demo';

const WANG = 'demo-resident-wang';
const ZHANG = 'demo-resident-zhang';
const LUKOU_ADMIN = 'demo-admin-lukou';
const XINYUAN = 'demo-staff-xinyuan-1';
const MEALS = 'contract-lukou-meals';
const CENTRE = { latitude: 31.737, longitude: 118.866 };

type Doc = Record<string, unknown> & { _id: string };

/** Runs the scenario `rounds` times; returns the calls that failed (function.action: error code). */
export async function newerActions(demo: DemoCloud, rounds = 3): Promise<string[]> {
  const failed: string[] = [];
  const docs = (c: string, where: Record<string, unknown> = {}) =>
    demo.cloud.store.find(c, where, { limit: 20 }) as Doc[];
  const call = async (fn: string, who: string, action: string, input: Record<string, unknown> = {}) => {
    const r = await demo.call(fn as never, who, action as never, input as never);
    if (!r.ok) failed.push(`${fn}.${action}: ${r.error.code} ${r.error.message}`);
    return r.ok ? (r.data as Record<string, unknown>) : undefined;
  };
  const zhang = docs('users', { openid: ZHANG })[0]!._id;
  const report = docs('reports', { status: { $ne: 'closed' }, reporterId: { $ne: zhang } })[0]!;
  const matter = docs('report_matters')[0]!;
  const room = docs('rooms')[0]!;
  const tomorrow = addDays(dateKey(new Date(demo.cloud.clock.now())), 1);
  for (let k = 0; k < rounds; k++) {
    // 随手拍: a resident looks around and follows a report; the street's admin looks at the figures.
    await call('reports', WANG, 'matters');
    await call('reports', WANG, 'similar', { matterId: matter._id, location: CENTRE });
    await call('reports', WANG, 'nearMe', { location: CENTRE });
    await call('reports', WANG, 'myReports');
    await call('reports', ZHANG, 'reportDetail', { reportId: report._id });
    await call('reports', ZHANG, 'follow', { reportId: report._id, follow: k % 2 === 0 });
    await call('reports', LUKOU_ADMIN, 'queue', { view: 'overdue' });
    await call('reports', LUKOU_ADMIN, 'figures');
    await call('reports', LUKOU_ADMIN, 'workspace');
    await call('reports', LUKOU_ADMIN, 'setup');

    // Rooms: a resident finds a room, books it, looks at their bookings and cancels.
    await call('rooms', WANG, 'listRooms');
    const detail = await call('rooms', WANG, 'roomDetail', { roomId: room._id, date: tomorrow });
    const free = freeStart(detail);
    if (free !== undefined) {
      const booked = await call('rooms', WANG, 'book', {
        roomId: room._id,
        date: tomorrow,
        start: free,
        purpose: '下棋',
        idempotencyKey: `bench-newer-book-${k}-${demo.cloud.clock.now()}`,
      });
      await call('rooms', WANG, 'myBookings');
      const bookingId = (booked as { id?: string; bookingId?: string } | undefined)?.id;
      if (bookingId) await call('rooms', WANG, 'cancelBooking', { bookingId });
    }
    await call('rooms', WANG, 'myTeams');
    await call('rooms', LUKOU_ADMIN, 'adminBoard');

    // Purchased services: the provider's staff and the street's admin follow a contract.
    await call('projects', XINYUAN, 'myPool');
    await call('projects', XINYUAN, 'myBids');
    await call('projects', XINYUAN, 'contractList');
    await call('projects', XINYUAN, 'contractDetail', { contractId: MEALS });
    await call('projects', LUKOU_ADMIN, 'indicatorRecords', { contractId: MEALS, indicatorKey: 'orders' });
    await call('projects', LUKOU_ADMIN, 'dashboard');
    await call('projects', LUKOU_ADMIN, 'listCalls');
    await call('projects', LUKOU_ADMIN, 'demandList');
    await call('projects', LUKOU_ADMIN, 'poolEntries');
    await call('projects', LUKOU_ADMIN, 'poolChecklist');

    // A person's data: what is held, an export opened, messages withdrawn, a deletion asked for and cancelled.
    await call('account', ZHANG, 'myData');
    const made = await call('account', ZHANG, 'exportMyData');
    const exportId = (made as { exportId?: string; id?: string } | undefined)?.exportId ?? made?.id;
    if (typeof exportId === 'string') await call('account', ZHANG, 'openExport', { exportId });
    await call('account', ZHANG, 'withdrawConsent', { kind: 'messages' });
    await call('account', ZHANG, 'requestErasure');
    await call('account', ZHANG, 'cancelErasure');
  }
  return [...new Set(failed)];
}

/** A start minute free tomorrow in a room's detail (its first open slot), if the detail shows one. */
function freeStart(detail: Record<string, unknown> | undefined): number | undefined {
  const slots = (detail as { slots?: { start: number; bookable: boolean }[] } | undefined)?.slots;
  return slots?.find((s) => s.bookable)?.start;
}
