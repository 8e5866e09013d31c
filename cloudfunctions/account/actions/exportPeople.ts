/**
 * exportPeople — 人员与角色 as a spreadsheet for the street office: the people searchUsers finds with the same
 * search and filters, within the admin's scope, masked exactly as the list masks them, up to 1,000 in one file.
 * The file goes to storage under the admin's own folder; the reply carries a link that works a few minutes.
 * Input: { query, communityId?, withRole?, minAge? }. Result: ExportedSheet.
 * Errors: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN (not an admin); nothing written for them. The file is recorded
 * (common/exports `sheet_files`) and deleted an hour later by the privacyChores timer.
 * Round trips: 3 (the caller with the places named; the people; the file's record).
 */
import { action } from '../../common/action';
import { requireAnyAdmin } from '../../common/auth';
import { rows } from '../../common/db';
import { PLACES, type PlaceRef } from '../../common/directory/places';
import type { UserDoc } from '../../common/directory/users';
import { ADMIN_PLACES, adminPlaceText } from '../../common/exports/scope';
import { publishReport, type ExportedSheet } from '../../common/exports/storage';
import { readWithCaller, type Join } from '../../common/joins';
import { accountInputs } from '../contract';
import { peopleReport } from '../domain/peopleSheet';
import { listItem } from '../domain/views';
import { peopleQuery } from '../steps/people';

/** The most people one file holds (one read). */
const MAX_ROWS = 1000;

export default action({
  input: accountInputs.exportPeople,
  async run(input, ctx): Promise<ExportedSheet> {
    const joins: Join[] = [ADMIN_PLACES];
    if (input.communityId)
      joins.push({ as: 'community', from: PLACES, match: { _id: input.communityId }, limit: 1 });
    const read = await readWithCaller(ctx, joins);
    const me = read.caller;
    requireAnyAdmin(me);
    const found = rows<UserDoc>(
      await peopleQuery(me, input, ctx.now)
        .limit(MAX_ROWS + 1)
        .get(),
    );
    const report = peopleReport({
      people: found.slice(0, MAX_ROWS).map((u) => listItem(u, ctx.now)),
      filters: input,
      place: adminPlaceText(me, read.all<PlaceRef>('adminPlaces')),
      communityName: read.one<PlaceRef>('community')?.name,
      madeAt: ctx.now,
      cut: found.length > MAX_ROWS,
    });
    return publishReport(report, { capability: 'account', userId: me._id }, { now: ctx.now });
  },
});
