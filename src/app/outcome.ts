import type { Result } from '../core/result';
import { errorMessage } from '../i18n/i18n';

/** An error message for the person, or null when the change was made. */
export type Outcome = string | null;
export const outcome = (r: Result<unknown>): Outcome => (r.ok ? null : errorMessage(r));
