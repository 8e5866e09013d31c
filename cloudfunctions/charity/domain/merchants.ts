/** How a partner merchant is shown: to everyone its name and address; its staff (masked) to admins and the staff. */
import { isAdminOver } from '../../common/auth';
import type { UserDoc } from '../../common/directory/users';
import { maskName } from '../../common/mask';
import type { MerchantView } from '../contract';
import type { MerchantDoc } from '../documents';

/** A merchant as `caller` sees it; `staff` are the user records of its staff that were read (for their names). */
export function merchantView(
  m: MerchantDoc,
  caller: Pick<UserDoc, '_id' | 'roles'>,
  staff: Pick<UserDoc, '_id' | 'realName' | 'nickname'>[],
): MerchantView {
  const mine = m.staffIds.includes(caller._id);
  const names = m.staffIds
    .map((sid) => staff.find((u) => u._id === sid))
    .filter((u): u is NonNullable<typeof u> => Boolean(u))
    .map((u) => maskName(u.realName ?? u.nickname));
  return {
    id: m._id,
    name: m.name,
    kind: m.kind,
    address: m.address,
    streetName: m.streetName,
    staff: mine,
    ...(mine || isAdminOver(caller, m.placePath) ? { staffNames: names } : {}),
  };
}
