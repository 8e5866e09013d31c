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
import { action } from '../../common/action';
import { hasRole } from '../../common/auth';
import { db } from '../../common/cloud';
import { checkText } from '../../common/contentCheck';
import { findById, isDuplicateKey, updatedCount } from '../../common/db';
import { conflict, forbidden, invalid } from '../../common/errors';
import { maskName } from '../../common/mask';
import type { FieldIssue } from '../../common/reply';
import { USERS, type RoleEvent, type RoleGrant, type UserDoc } from '../../common/directory/users';
import { volunteeringInputs } from '../contract';
import { volunteerView } from '../domain/views';
import { VOLUNTEERS, type VolunteerDoc } from '../documents';
import { signupHours } from '../store';

export default action({
  input: volunteeringInputs.becomeVolunteer,
  async run(input, ctx) {
    const me = await ctx.caller();
    if (me.kind === 'proxy') throw forbidden('代登记的账号不能注册为志愿者');
    const hoursOf = () => signupHours({ volunteerId: me._id }, { newestFirst: true, limit: 1000 });
    if (hasRole(me, 'volunteer')) {
      const profile = await findById<VolunteerDoc>(VOLUNTEERS, me._id);
      if (profile) return volunteerView(me, profile, await hoursOf());
    }
    const lastEvent = [...me.roleHistory].reverse().find((e) => e.role === 'volunteer');
    if (lastEvent?.kind === 'revoke' && lastEvent.by !== 'self')
      throw forbidden('您的志愿者身份已由管理员解除，如有疑问请联系社区');

    const issues: FieldIssue[] = [];
    const realName = me.realName ?? input.realName;
    const phone = me.phone ?? input.phone;
    const placeNames = (me as UserDoc & { placeNames?: string[] }).placeNames ?? [];
    if (!realName) issues.push({ path: 'realName', message: '志愿服务记录需要真实姓名' });
    if (!phone) issues.push({ path: 'phone', message: '请留下手机号，便于活动联系' });
    if (!me.communityId) issues.push({ path: 'communityId', message: '请先在“我的”中选择所在社区' });
    if (issues.length > 0 || !realName || !phone || !me.communityId) throw invalid('请补全信息', issues);
    await checkText(ctx.openid, [me.realName ? undefined : input.realName, input.intro], 1);

    const profile: VolunteerDoc = {
      _id: me._id,
      openid: ctx.openid,
      nameMasked: maskName(realName),
      skills: input.skills,
      availability: input.availability,
      communityId: me.communityId,
      placePath: me.placePath,
      communityName: placeNames[2] ?? '',
      ...(input.location ? { location: input.location } : {}),
      serviceRadiusKm: input.serviceRadiusKm,
      intro: input.intro,
      lateCancels: 0,
      noShows: 0,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    let earlier = false;
    try {
      await db.collection(VOLUNTEERS).add({ data: profile });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // A profile from an earlier attempt (or an earlier time as a volunteer): refresh it, keep its record.
      earlier = true;
      const { _id, lateCancels: _l, noShows: _n, createdAt: _c, ...fresh } = profile;
      await db.collection(VOLUNTEERS).doc(_id).update({ data: fresh });
    }

    const grant: RoleGrant = { role: 'volunteer', grantedBy: 'self', grantedAt: ctx.now };
    const event: RoleEvent = { kind: 'grant', role: 'volunteer', by: 'self', at: ctx.now };
    const roles = hasRole(me, 'volunteer') ? me.roles : [...me.roles, grant];
    const roleHistory = hasRole(me, 'volunteer') ? me.roleHistory : [...me.roleHistory, event];
    // Conditional on the version read, as account does, so an admin's concurrent role change is not lost.
    const res = await db
      .collection(USERS)
      .where({ _id: me._id, updatedAt: me.updatedAt })
      .update({
        data: {
          roles,
          roleHistory,
          ...(me.realName ? {} : { realName }),
          ...(me.phone ? {} : { phone }),
          updatedAt: ctx.now,
        },
      });
    if (updatedCount(res) === 0) throw conflict('您的资料刚被修改，请再点一次');
    const user: UserDoc = { ...me, roles, roleHistory, realName, phone };
    return volunteerView(user, profile, earlier ? await hoursOf() : []);
  },
});
