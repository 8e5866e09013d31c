/**
 * escalate (every 15 minutes) — reports past a deadline go to the street admin: not accepted within the time to
 * respond, or not resolved within the time to resolve. Each deadline is escalated once per dispatch (a conditional
 * update on `escalated`, so overlapping runs escalate it once), with a step on the timeline and a message to each
 * admin over the report's street. Resolved reports nobody confirmed or reopened for 7 days close by themselves.
 */
import { _, db } from '../../common/cloud';
import { countLimited, mapLimited, TIMER_CONCURRENCY } from '../../common/concurrency';
import { rows, updatedCount } from '../../common/db';
import { isAdminOver } from '../../common/auth';
import { USERS, type UserDoc } from '../../common/directory/users';
import { REPORTS_LIMITS } from '../contract';
import { overdueOf } from '../domain/flow';
import { REPORTS, type ReportDoc, type Step } from '../documents';
import { notifyOverdue } from '../notices';

const BATCH = 100;
const DAY = 86_400_000;

/** Escalates what is overdue and closes what waited long enough; returns the counts. */
export async function escalate(
  now: Date,
): Promise<{ escalated: number; notified: number; autoClosed: number }> {
  const due = rows<ReportDoc>(
    await db
      .collection(REPORTS)
      .where(
        _.or([
          { status: 'dispatched', respondBy: _.lte(now), escalated: _.neq('respond') },
          { status: _.in(['dispatched', 'accepted']), resolveBy: _.lte(now), escalated: _.neq('resolve') },
        ]) as never,
      )
      .limit(BATCH)
      .field({ timeline: false, followerOpenids: false })
      .get(),
  );
  // Each escalation is a conditional update of its own report: a few side by side change nothing but the time.
  const marked = await mapLimited(due, TIMER_CONCURRENCY, async (r) => {
    const what = overdueOf({ ...r, escalated: r.escalated ?? [] }, now);
    if (!what) return undefined;
    const step: Step = {
      kind: what === 'respond' ? 'overdueRespond' : 'overdueResolve',
      at: now,
      by: '系统',
    };
    const res = await db
      .collection(REPORTS)
      .where({ _id: r._id, escalated: _.neq(what), status: r.status })
      .update({
        data: { escalated: _.push([what]), everOverdue: true, timeline: _.push([step]), updatedAt: now },
      });
    return updatedCount(res) === 1 ? { r, what } : undefined;
  });
  const escalatedNow = marked.filter((m): m is { r: ReportDoc; what: 'respond' | 'resolve' } => !!m);
  let notified = 0;
  if (escalatedNow.length > 0) {
    const streets = [...new Set(escalatedNow.map((e) => e.r.streetId))];
    const admins = rows<UserDoc>(
      await db
        .collection(USERS)
        .where({
          'roles.role': 'admin',
          'roles.scopeId': _.in([...streets, ...escalatedNow.map((e) => e.r.placePath[0]!)]),
        })
        .limit(BATCH)
        .field({ openid: true, roles: true })
        .get(),
    );
    // Told after the mark is written: a run killed in between loses a message, never sends one twice.
    const messages = escalatedNow.flatMap(({ r, what }) =>
      admins.filter((u) => isAdminOver(u, r.placePath.slice(0, 2))).map((a) => ({ a, r, what })),
    );
    notified = await countLimited(messages, TIMER_CONCURRENCY, ({ a, r, what }) =>
      notifyOverdue(a.openid, r, what),
    );
  }
  const closed = await db
    .collection(REPORTS)
    .where({
      status: 'resolved',
      resolvedAt: _.lte(new Date(now.getTime() - REPORTS_LIMITS.autoCloseDays * DAY)),
    })
    .update({
      data: {
        status: 'closed',
        closedAt: now,
        updatedAt: now,
        timeline: _.push([{ kind: 'autoClosed', at: now, by: '系统' } satisfies Step]),
      },
    });
  return { escalated: escalatedNow.length, notified, autoClosed: updatedCount(closed) };
}
