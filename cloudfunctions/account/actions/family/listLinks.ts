/**
 * listLinks — the caller's family links, as elder and as relative, with the other person (masked).
 * Input: {}. Result: LinkView[] (revoked ones left out). Errors: UNAUTHENTICATED. Round trips: 3.
 */
import { action } from '../../../common/action';
import { _, db } from '../../../common/cloud';
import { rows } from '../../../common/db';
import { maskName } from '../../../common/mask';
import { ageAt, USERS, type UserDoc } from '../../../common/directory/users';
import { accountInputs, type LinkView } from '../../contract';
import { FAMILY_LINKS, type FamilyLinkDoc } from '../../../common/directory/familyLinks';

export default action({
  input: accountInputs.listLinks,
  async run(_input, ctx): Promise<LinkView[]> {
    const me = await ctx.caller();
    const links = rows<FamilyLinkDoc>(
      await db
        .collection(FAMILY_LINKS)
        .where(_.and([_.or([{ elderId: me._id }, { relativeId: me._id }]), { status: _.neq('revoked') }]))
        .orderBy('requestedAt', 'desc')
        .limit(100)
        .get(),
    );
    if (links.length === 0) return [];
    const otherIds = links.map((l) => (l.elderId === me._id ? l.relativeId : l.elderId));
    const others = new Map(
      rows<UserDoc>(
        await db
          .collection(USERS)
          .where({ _id: _.in(otherIds) })
          .limit(100)
          .get(),
      ).map((u) => [u._id, u]),
    );
    return links.map((l) => {
      const as = l.elderId === me._id ? 'elder' : 'relative';
      const other = others.get(as === 'elder' ? l.relativeId : l.elderId);
      return {
        id: l._id,
        status: l.status,
        relation: l.relation,
        as,
        other: {
          id: other?._id ?? '',
          nickname: other?.nickname ?? '已注销用户',
          realNameMasked: other?.realName ? maskName(other.realName) : undefined,
          age: ageAt(other?.birthYear, ctx.now),
        },
        requestedAt: new Date(l.requestedAt).toISOString(),
      };
    });
  },
});
