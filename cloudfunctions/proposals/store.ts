/**
 * The proposals function's reads (documents.ts has the types): a round with whatever else the action needs from
 * the other collections (a proposal, the caller's ballot, tallies, the round's proposals, a project's records),
 * fetched in ONE aggregate with `$lookup`s, so an action stays within three database round trips.
 */
import { _, db } from '../common/cloud';
import { PLACES, type PlaceRef } from '../common/directory/places';
import { notFound } from '../common/errors';
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

/** Reads a round and what the options ask for, in one database round trip. NOT_FOUND for a missing round. */
export async function loadRound(roundId: string, o: RoundReadOptions = {}): Promise<RoundRead> {
  let q = db.collection(ROUNDS).aggregate().match({ _id: roundId });
  if (o.proposalId)
    q = q.lookup({
      from: PROPOSALS,
      pipeline: pipeline().match({ _id: o.proposalId }).done(),
      as: 'proposal',
    });
  if (o.voterId)
    q = q.lookup({
      from: BALLOTS,
      pipeline: pipeline()
        .match({ _id: ballotId(roundId, o.voterId) })
        .done(),
      as: 'ballot',
    });
  if (o.tallies) {
    q = q
      .lookup({
        from: BALLOTS,
        pipeline: pipeline()
          .match({ roundId })
          .unwind('$proposalIds')
          .group({ _id: '$proposalIds', n: $.sum(1) })
          .done(),
        as: 'tallies',
      })
      .lookup({
        from: BALLOTS,
        pipeline: pipeline()
          .match({ roundId, count: _.gt(0) })
          .count('n')
          .done(),
        as: 'voters',
      });
  } else if (o.proposalTally && o.proposalId) {
    q = q.lookup({
      from: BALLOTS,
      pipeline: pipeline().match({ roundId, proposalIds: o.proposalId }).count('n').done(),
      as: 'proposalTally',
    });
  }
  if (o.proposals) {
    const where = o.proposals === 'all' ? { roundId } : { roundId, authorId: o.proposals.authorId };
    q = q.lookup({
      from: PROPOSALS,
      pipeline: pipeline()
        .match(where)
        // An author's own proposals come whole (a retried create replies with what it saved).
        .project(o.proposals === 'all' ? CARD_FIELDS : { authorOpenid: 0 })
        .limit(o.proposals === 'all' ? 1000 : 50)
        .done(),
      as: 'proposals',
    });
  }
  if (o.reports) {
    const where = o.reports === 'proposal' ? { roundId, proposalId: o.proposalId } : { roundId };
    q = q.lookup({
      from: REPORTS,
      pipeline: pipeline().match(where).sort({ at: -1 }).limit(1000).done(),
      as: 'reports',
    });
  }
  if (o.reportId)
    q = q.lookup({ from: REPORTS, pipeline: pipeline().match({ _id: o.reportId }).done(), as: 'report' });
  const res = (await q.end()) as { list?: Record<string, unknown>[]; data?: Record<string, unknown>[] };
  const row = (res.list ?? res.data ?? [])[0];
  if (!row) throw notFound('这一期微公益');
  const { proposal, ballot, tallies, voters, proposalTally, proposals, reports, report, ...round } = row as {
    proposal?: ProposalDoc[];
    ballot?: BallotDoc[];
    tallies?: { _id: string; n: number }[];
    voters?: { n: number }[];
    proposalTally?: { n: number }[];
    proposals?: ProposalDoc[];
    reports?: ReportDoc[];
    report?: ReportDoc[];
  } & Record<string, unknown>;
  const p = proposal?.[0];
  if (o.proposalId && (!p || p.roundId !== roundId)) throw notFound('提案');
  const talliesMap = new Map((tallies ?? []).map((t) => [t._id, t.n]));
  if (proposalTally && o.proposalId) talliesMap.set(o.proposalId, proposalTally[0]?.n ?? 0);
  return {
    round: reviveRound(round as unknown as RoundDoc),
    proposal: p && reviveProposal(p),
    ballot: ballot?.[0],
    tallies: talliesMap,
    voters: voters?.[0]?.n ?? 0,
    proposals: (proposals ?? []).map(reviveProposal),
    reports: (reports ?? []).map((r) => ({ ...r, at: new Date(r.at) })),
    report: report?.[0] && { ...report[0], at: new Date(report[0].at) },
  };
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
