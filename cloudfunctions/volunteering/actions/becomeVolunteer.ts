/**
 * becomeVolunteer — a resident chooses to volunteer: creates their volunteer profile and adds the `volunteer` role
 * to their user record, with a role-history event `by: 'self'`. Real name and phone are needed for the service
 * record: taken from the account when it has them, else from the input (and then kept on the account).
 * Input: { realName?, phone?, skills, availability, location?, serviceRadiusKm, intro }. Result: MyVolunteerView.
 * Errors: INVALID_INPUT (real name or phone missing; no community chosen), UNAUTHENTICATED, FORBIDDEN (a proxy
 * account; an admin ended their volunteering), CONFLICT (the user record changed meanwhile: retry),
 * CONTENT_REJECTED.
 * Round trips: 3 (caller, insert profile, update user); already a volunteer: 3 (caller, profile, hours);
 * a profile left from an earlier attempt: 4 (its update replaces the insert, then the hours are read).
 */
import type { z } from 'zod';
import { action } from '../../common/action';
import { hasRole } from '../../common/auth';
import { db } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { findById, isDuplicateKey, updatedCount } from '../../common/db';
import { conflict, forbidden, invalid } from '../../common/errors';
import { readWithCaller } from '../../common/joins';
import { maskName } from '../../common/mask';
import type { FieldIssue } from '../../common/reply';
import { USERS, type RoleEvent, type RoleGrant, type UserDoc } from '../../common/directory/users';
import { volunteeringInputs } from '../contract';
import { volunteerView } from '../domain/views';
import { VOLUNTEERS, type VolunteerDoc } from '../documents';
import { LATE_CANCELS_JOIN, lateCancelsOf, signupHours } from '../store';

type Input = z.output<typeof volunteeringInputs.becomeVolunteer>;

/** The name, phone and community a volunteer record needs: from the account, else the form; INVALID_INPUT without. */
function requiredFacts(me: UserDoc, input: Input): { realName: string; phone: string; communityId: string } {
  const issues: FieldIssue[] = [];
  const realName = me.realName ?? input.realName;
  const phone = me.phone ?? input.phone;
  if (!realName) issues.push({ path: 'realName', message: '志愿服务记录需要真实姓名' });
  if (!phone) issues.push({ path: 'phone', message: '请留下手机号，便于活动联系' });
  if (!me.communityId) issues.push({ path: 'communityId', message: '请先在“我的”中选择所在社区' });
  if (issues.length > 0 || !realName || !phone || !me.communityId) throw invalid('请补全信息', issues);
  return { realName, phone, communityId: me.communityId };
}

/** The new profile. */
function newProfile(
  me: UserDoc,
  input: Input,
  facts: { realName: string; communityId: string },
  openid: string,
  now: Date,
): VolunteerDoc {
  const placeNames = (me as UserDoc & { placeNames?: string[] }).placeNames ?? [];
  return {
    _id: me._id,
    openid,
    nameMasked: maskName(facts.realName),
    skills: input.skills,
    availability: input.availability,
    communityId: facts.communityId,
    placePath: me.placePath,
    communityName: placeNames[2] ?? '',
    ...(input.location ? { location: input.location } : {}),
    serviceRadiusKm: input.serviceRadiusKm,
    intro: input.intro,
    noShows: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/** Inserts the profile; one from an earlier attempt (or time as a volunteer) is refreshed, its record kept. */
async function saveProfile(profile: VolunteerDoc): Promise<{ earlier: boolean }> {
  try {
    await db.collection(VOLUNTEERS).add({ data: profile });
    return { earlier: false };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const { _id, noShows: _n, createdAt: _c, ...fresh } = profile;
    await db.collection(VOLUNTEERS).doc(_id).update({ data: fresh });
    return { earlier: true };
  }
}

/**
 * Grants the volunteer role (and keeps the name and phone given) on the user, conditional on the version read, as
 * account does, so an admin's concurrent role change is not lost. Returns the user as now stored.
 */
async function grantVolunteer(
  me: UserDoc,
  facts: { realName: string; phone: string },
  now: Date,
): Promise<UserDoc> {
  const already = hasRole(me, 'volunteer');
  const grant: RoleGrant = { role: 'volunteer', grantedBy: 'self', grantedAt: now };
  const event: RoleEvent = { kind: 'grant', role: 'volunteer', by: 'self', at: now };
  const roles = already ? me.roles : [...me.roles, grant];
  const roleHistory = already ? me.roleHistory : [...me.roleHistory, event];
  const res = await db
    .collection(USERS)
    .where({ _id: me._id, updatedAt: me.updatedAt })
    .update({
      data: {
        roles,
        roleHistory,
        ...(me.realName ? {} : { realName: facts.realName }),
        ...(me.phone ? {} : { phone: facts.phone }),
        updatedAt: now,
      },
    });
  if (updatedCount(res) === 0) throw conflict('您的资料刚被修改，请再点一次');
  return { ...me, roles, roleHistory, realName: facts.realName, phone: facts.phone };
}

export default action({
  input: volunteeringInputs.becomeVolunteer,
  async run(input, ctx) {
    const joined = await readWithCaller(ctx, [LATE_CANCELS_JOIN]);
    const me = joined.caller;
    const lateCancels = lateCancelsOf(joined);
    if (me.kind === 'proxy') throw forbidden('代登记的账号不能注册为志愿者');
    const hoursOf = () => signupHours({ volunteerId: me._id }, { newestFirst: true, limit: 1000 });
    if (hasRole(me, 'volunteer')) {
      const profile = await findById<VolunteerDoc>(VOLUNTEERS, me._id);
      if (profile) return volunteerView(me, profile, await hoursOf(), lateCancels);
    }
    const lastEvent = [...me.roleHistory].reverse().find((e) => e.role === 'volunteer');
    if (lastEvent?.kind === 'revoke' && lastEvent.by !== 'self')
      throw forbidden('您的志愿者身份已由管理员解除，如有疑问请联系社区');
    const facts = requiredFacts(me, input);
    await checkText(ctx.openid, [me.realName ? undefined : input.realName, input.intro], 1);
    const profile = newProfile(me, input, facts, ctx.openid, ctx.now);
    const { earlier } = await saveProfile(profile);
    const user = await grantVolunteer(me, facts, ctx.now);
    return volunteerView(user, profile, earlier ? await hoursOf() : [], lateCancels);
  },
});
