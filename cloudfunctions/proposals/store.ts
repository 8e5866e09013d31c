/**
 * The proposals function's reads (documents.ts has the types): a round with whatever else the action needs from
 * the other collections (a proposal, the caller's ballot, tallies, the round's proposals, a project's records),
 * fetched in ONE aggregate with `$lookup`s, so an action stays within three database round trips.
 */
import { _, db } from '../common/cloud';
import { PLACES, type PlaceRef } from '../common/directory/places';
import { USERS, type UserDoc } from '../common/directory/users';
import { expr } from '../common/joins';
import type { ActionContext } from '../common/action';
import { notFound, unauthenticated } from '../common/errors';
import {
  BALLOTS,
  ballotId,
  CARD_FIELDS,
  PROPOSALS,
  REPORTS,
  reviveProposal,
  reviveRound,
  ROUNDS,
  type BallotDoc,
  type ProposalDoc,
  type ReportDoc,
  type RoundDoc,
} from './documents';

/** What {@link loadRound} can bring along with the round. */
export interface RoundReadOptions {
  /** A proposal of the round (NOT_FOUND unless it belongs to it). */
  proposalId?: string;
  /** The caller's ballot. */
  voterId?: string;
  /** Live tallies of every proposal, and the number of voters. */
  tallies?: boolean;
  /** Live tally of the one proposal given. */
  proposalTally?: boolean;
  /** The round's proposals (card fields), or only one author's. */
  proposals?: 'all' | { authorId: string };
  /** Records of the proposal given, or of the whole round. */
  reports?: 'proposal' | 'round';
  /** One record by id (an idempotent create looks for its earlier self). */
  reportId?: string;
  /** Who supports the proposal given (voter ids, and their openids to tell them of a change). */
  supporters?: boolean;
  /** The caller's user record, by their openid (so an admin's action reads who they are in the same trip). */
  callerOpenid?: string;
}

/** What {@link loadRound} read. */
export interface RoundRead {
  round: RoundDoc;
  proposal?: ProposalDoc;
  ballot?: BallotDoc;
  tallies: Map<string, number>;
  voters: number;
  proposals: ProposalDoc[];
  reports: ReportDoc[];
  /** The record asked for by id, if it exists. */
  report?: ReportDoc;
  /** Voter ids supporting the proposal (when asked). */
  supporters: string[];
  /** Their openids, as far as they have one (when asked). */
  supporterOpenids: string[];
  /** The caller's user record, when asked and they have one. */
  caller?: UserDoc;
}

/** The SDK's sub-pipeline builder for `$lookup` (present at runtime, missing from its typings). */
interface Pipeline {
  match(query: object): Pipeline;
  unwind(field: string): Pipeline;
  group(spec: object): Pipeline;
  count(field: string): Pipeline;
  project(spec: object): Pipeline;
  sort(spec: object): Pipeline;
  limit(n: number): Pipeline;
  done(): object[];
}
const $ = _.aggregate;
const pipeline = (): Pipeline => ($ as unknown as { pipeline(): Pipeline }).pipeline();

/** One `$lookup` of {@link loadRound}. */
interface Lookup {
  from: string;
  let?: object;
  pipeline: object[];
  as: string;
}

/** The lookups that bring the tallies the options ask for: every proposal's and the voters', or one proposal's. */
function tallyLookups(roundId: string, o: RoundReadOptions): Lookup[] {
  if (o.tallies)
    return [
      {
        from: BALLOTS,
        pipeline: pipeline()
          .match({ roundId })
          .unwind('$proposalIds')
          .group({ _id: '$proposalIds', n: $.sum(1) })
          .done(),
        as: 'tallies',
      },
      {
        from: BALLOTS,
        pipeline: pipeline()
          .match({ roundId, count: _.gt(0) })
          .count('n')
          .done(),
        as: 'voters',
      },
    ];
  if (o.proposalTally && o.proposalId)
    return [
      {
        from: BALLOTS,
        pipeline: pipeline().match({ roundId, proposalIds: o.proposalId }).count('n').done(),
        as: 'proposalTally',
      },
    ];
  return [];
}

/** Every lookup the options ask for. */
function lookupsFor(roundId: string, o: RoundReadOptions): Lookup[] {
  const out: Lookup[] = [];
  const byId = (from: string, _id: string, as: string) =>
    out.push({ from, pipeline: pipeline().match({ _id }).done(), as });
  if (o.proposalId) byId(PROPOSALS, o.proposalId, 'proposal');
  if (o.voterId) byId(BALLOTS, ballotId(roundId, o.voterId), 'ballot');
  out.push(...tallyLookups(roundId, o));
  if (o.proposals) {
    const all = o.proposals === 'all';
    out.push({
      from: PROPOSALS,
      pipeline: pipeline()
        .match(all ? { roundId } : { roundId, authorId: (o.proposals as { authorId: string }).authorId })
        // An author's own proposals come whole (a retried create replies with what it saved).
        .project(all ? CARD_FIELDS : { authorOpenid: 0 })
        .limit(all ? 1000 : 50)
        .done(),
      as: 'proposals',
    });
  }
  if (o.reports) {
    const where = o.reports === 'proposal' ? { roundId, proposalId: o.proposalId } : { roundId };
    out.push({
      from: REPORTS,
      pipeline: pipeline().match(where).sort({ at: -1 }).limit(1000).done(),
      as: 'reports',
    });
  }
  if (o.reportId) byId(REPORTS, o.reportId, 'report');
  if (o.supporters && o.proposalId)
    out.push(
      {
        from: BALLOTS,
        pipeline: pipeline()
          .match({ roundId, proposalIds: o.proposalId })
          .project({ voterId: 1 })
          .limit(1000)
          .done(),
        as: 'supporters',
      },
      // Their message addresses, nothing else of them.
      {
        from: USERS,
        let: { ids: '$supporters.voterId' },
        pipeline: pipeline()
          .match(expr({ $in: ['$_id', '$$ids'] }))
          .project({ openid: 1 })
          .limit(1000)
          .done(),
        as: 'supporterUsers',
      },
    );
  if (o.callerOpenid)
    out.push({
      from: USERS,
      pipeline: pipeline().match({ openid: o.callerOpenid }).limit(1).done(),
      as: 'caller',
    });
  return out;
}

/** The aggregate's row, as read. */
type RoundRow = {
  proposal?: ProposalDoc[];
  ballot?: BallotDoc[];
  tallies?: { _id: string; n: number }[];
  voters?: { n: number }[];
  proposalTally?: { n: number }[];
  proposals?: ProposalDoc[];
  reports?: ReportDoc[];
  report?: ReportDoc[];
  supporters?: { voterId: string }[];
  supporterUsers?: { openid?: string }[];
  caller?: UserDoc[];
} & Record<string, unknown>;

/** The supporters' openids and the caller, from their lookups. */
function people(
  supporterUsers: { openid?: string }[] = [],
  caller: UserDoc[] = [],
): Pick<RoundRead, 'supporterOpenids' | 'caller'> {
  return {
    supporterOpenids: supporterUsers.flatMap((u) => (u.openid ? [u.openid] : [])),
    caller: caller[0],
  };
}

/** What the row says, dates revived. */
function roundReadOf(row: RoundRow, roundId: string, o: RoundReadOptions): RoundRead {
  const {
    proposal,
    ballot,
    tallies,
    voters,
    proposalTally,
    proposals,
    reports,
    report,
    supporters,
    supporterUsers,
    caller,
    ...round
  } = row;
  const p = proposal?.[0];
  if (o.proposalId && (!p || p.roundId !== roundId)) throw notFound('提案');
  const talliesMap = new Map((tallies ?? []).map((t) => [t._id, t.n]));
  if (proposalTally && o.proposalId) talliesMap.set(o.proposalId, proposalTally[0]?.n ?? 0);
  const revived = (r: ReportDoc) => ({ ...r, at: new Date(r.at) });
  return {
    round: reviveRound(round as unknown as RoundDoc),
    proposal: p && reviveProposal(p),
    ballot: ballot?.[0],
    tallies: talliesMap,
    voters: voters?.[0]?.n ?? 0,
    proposals: (proposals ?? []).map(reviveProposal),
    reports: (reports ?? []).map(revived),
    report: report?.[0] && revived(report[0]),
    supporters: (supporters ?? []).map((b) => b.voterId),
    ...people(supporterUsers, caller),
  };
}

/** Reads a round and what the options ask for, in one database round trip. NOT_FOUND for a missing round. */
export async function loadRound(roundId: string, o: RoundReadOptions = {}): Promise<RoundRead> {
  let q = db.collection(ROUNDS).aggregate().match({ _id: roundId });
  for (const l of lookupsFor(roundId, o)) q = q.lookup(l);
  const res = (await q.end()) as { list?: RoundRow[]; data?: RoundRow[] };
  const row = (res.list ?? res.data ?? [])[0];
  if (!row) throw notFound('这一期微公益');
  return roundReadOf(row, roundId, o);
}

/**
 * The caller (UNAUTHENTICATED if they never logged in) with the round and what the options ask for, in the one
 * round trip of {@link loadRound}. A missing round says NOT_FOUND first: it can be nobody's secret.
 */
export async function loadRoundForCaller(
  ctx: Pick<ActionContext, 'openid'>,
  roundId: string,
  o: RoundReadOptions = {},
): Promise<RoundRead & { me: UserDoc }> {
  const read = await loadRound(roundId, { ...o, callerOpenid: ctx.openid });
  if (!read.caller) throw unauthenticated();
  return { ...read, me: read.caller };
}

/** A place and, if it exists already, the round with this id (a retried create), in one round trip. */
export async function placeAndRound(
  placeId: string,
  roundId: string,
): Promise<{ place?: PlaceRef; existing?: RoundDoc }> {
  const res = (await db
    .collection(PLACES)
    .aggregate()
    .match({ _id: placeId })
    .lookup({ from: ROUNDS, pipeline: pipeline().match({ _id: roundId }).done(), as: 'existing' })
    .end()) as {
    list?: (PlaceRef & { existing: RoundDoc[] })[];
    data?: (PlaceRef & { existing: RoundDoc[] })[];
  };
  const row = (res.list ?? res.data ?? [])[0];
  if (!row) return {};
  const { existing, ...place } = row;
  return { place, existing: existing[0] && reviveRound(existing[0]) };
}
