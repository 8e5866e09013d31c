/** People as the reports capability names them. */
import type { UserDoc } from '../../common/directory/users';

/** A person's name: real name if given, else nickname. */
export function nameOf(user: Pick<UserDoc, 'realName' | 'nickname'>): string {
  return user.realName || user.nickname;
}

/** The street of a place path (district → street → community). */
export function streetOf(placePath: readonly string[]): string | undefined {
  return placePath[1];
}
