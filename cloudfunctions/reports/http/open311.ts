/**
 * The Open311 GeoReport v2 endpoint (read-only), served through HTTP access with no caller:
 *   GET …/services.json[?jurisdiction_id=<street>]                 the matter list
 *   GET …/requests.json[?jurisdiction_id&service_code&status&start_date&end_date]   latest 50 (at most 200)
 *   GET …/requests/<id>.json                                        one request (in a list of one, as v2 says)
 * Errors as v2 has them: `[{ code, description }]`. One database round trip per request.
 */
import { _, db } from '../../common/cloud';
import { rows } from '../../common/db';
import type { HttpEvent, HttpResponse } from '../../common/router';
import { open311Request, open311Service } from '../domain/open311';
import { MATTERS, OPEN_STATUSES, REPORTS, type MatterDoc, type ReportDoc } from '../documents';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;
const ID = /^[\w@:.-]{1,64}$/;

const json = (statusCode: number, body: unknown): HttpResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' },
  body: JSON.stringify(body),
});
const error = (code: number, description: string) => json(code, [{ code, description }]);

const PUBLIC_FIELDS = {
  reporterId: false,
  reporterOpenid: false,
  followerIds: false,
  followerOpenids: false,
  timeline: false,
  photos: false,
  result: false,
} as const;

function dateParam(v: string | undefined): Date | undefined | null {
  if (v === undefined || v === '') return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The conditions of a requests.json query, or the error response for a bad parameter. */
function requestsFilter(
  q: Record<string, string>,
  street: string | undefined,
): Record<string, unknown>[] | HttpResponse {
  const start = dateParam(q.start_date);
  const end = dateParam(q.end_date);
  if (start === null || end === null) return error(400, 'start_date and end_date are w3 date-times');
  if (q.status !== undefined && q.status !== 'open' && q.status !== 'closed')
    return error(400, 'status is open or closed');
  if (q.service_code !== undefined && !ID.test(q.service_code))
    return error(400, 'service_code is not valid');
  const all: Record<string, unknown>[] = [];
  if (street) all.push({ streetId: street });
  if (q.service_code) all.push({ matterId: q.service_code });
  if (q.status === 'open') all.push({ status: _.in([...OPEN_STATUSES]) });
  if (q.status === 'closed') all.push({ status: _.in(['closed', 'dismissed']) });
  if (start) all.push({ createdAt: _.gte(start) });
  if (end) all.push({ createdAt: _.lte(end) });
  return all;
}

/** Answers one HTTP request. */
export async function open311(event: HttpEvent): Promise<HttpResponse> {
  if (event.httpMethod !== 'GET') return error(405, 'read-only: GET only');
  const q = event.queryStringParameters ?? {};
  const street = q.jurisdiction_id;
  if (street !== undefined && !ID.test(street)) return error(400, 'jurisdiction_id is not valid');
  const path = event.path.replace(/\/+$/, '');
  if (path.endsWith('/services.json')) {
    const res = await db
      .collection(MATTERS)
      .where(street ? { streetId: street } : {})
      .orderBy('category', 'asc')
      .orderBy('name', 'asc')
      .limit(1000)
      .field({ history: false })
      .get();
    return json(200, rows<MatterDoc>(res).map(open311Service));
  }
  const one = /\/requests\/([^/]+)\.json$/.exec(path);
  if (one) {
    if (!ID.test(one[1]!)) return error(400, 'service_request_id is not valid');
    const found = rows<ReportDoc>(
      await db.collection(REPORTS).where({ _id: one[1]! }).limit(1).field(PUBLIC_FIELDS).get(),
    );
    return found[0] ? json(200, [open311Request(found[0])]) : error(404, 'no such service request');
  }
  if (path.endsWith('/requests.json')) {
    const filter = requestsFilter(q, street);
    if (!Array.isArray(filter)) return filter;
    const limit = Math.min(MAX_LIMIT, Math.max(1, Number.parseInt(q.limit ?? '', 10) || DEFAULT_LIMIT));
    const res = await db
      .collection(REPORTS)
      .where(filter.length > 0 ? (_.and(filter as never[]) as never) : {})
      .orderBy('createdAt', 'desc')
      .limit(limit)
      .field(PUBLIC_FIELDS)
      .get();
    return json(200, rows<ReportDoc>(res).map(open311Request));
  }
  return error(404, 'not an Open311 GeoReport v2 resource');
}
