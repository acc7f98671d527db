import { HttpError } from '../HttpError';
import { actingMemberId, type StlActor } from '../stlAuth';

/**
 * A member's own account is changed by another member: nobody locks themselves out or demotes themselves by a
 * slip, and a stolen session cannot set itself a new password. `refused` says what was asked, in Spanish.
 */
export function refuseOwnAccount(actor: StlActor, memberId: unknown, refused: string): void {
  if (actingMemberId(actor) === null || actingMemberId(actor) !== memberId) return;
  throw new HttpError(409, 'own_account', `${refused}: pídalo a otra persona del STL.`);
}

export const memberNotFound = () => new HttpError(404, 'member_not_found', 'Esa cuenta del STL no existe.');
export const emailTaken = () =>
  new HttpError(409, 'email_taken', 'Ese correo electrónico ya tiene una cuenta del STL.');
