/** A rule's refusal (domain/booking.ts) as the error the caller gets. */
import { AppError } from '../../common/errors';
import { isRefusal, type Refusal } from '../domain/booking';

/** The typed error of a refusal. */
export const refusalError = (r: Refusal): AppError => new AppError(r.code, r.message);

/** The plan, or throws the refusal as a typed error. */
export function orRefuse<T extends object>(r: T | Refusal): T {
  if (isRefusal(r)) throw refusalError(r);
  return r;
}

/** Throws the refusal, if there is one. */
export function refuseIf(r: Refusal | undefined): void {
  if (r) throw refusalError(r);
}
