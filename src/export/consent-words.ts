import type { ConsentRound } from '../core/consent';
import type { Labels } from './labels';

/** A round's status in words; an open round names the groups it waits for ("Waiting for
 *  Government"), so the room knows whom to ask. Screens and the summary say it the same way. */
export function consentWords(round: Pick<ConsentRound, 'status' | 'waitingFor'>, groupName: (id: string) => string, t: Labels): string {
  if (round.status === 'open' && round.waitingFor.length > 0) {
    return t('consent.waitingFor', { groups: round.waitingFor.map(groupName).join(', ') });
  }
  return t(`rules.status.${round.status}`);
}
