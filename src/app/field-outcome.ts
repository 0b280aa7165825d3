import type { Result } from '../core/result';
import { t, type MessageKey } from '../i18n/i18n';
import { outcome, type Outcome } from './outcome';

/** The core names the failing field in `detail` of a text error; say which field it was, in the
 *  words of the form (`labels` maps a field to its label's key). */
export function fieldOutcome(
  r: Result<unknown>, labels: Record<string, MessageKey>, messages: { empty: MessageKey; 'too-long': MessageKey },
): Outcome {
  const label = !r.ok && r.detail !== undefined && Object.hasOwn(labels, r.detail) ? labels[r.detail] : undefined;
  if (!r.ok && label && (r.error === 'empty' || r.error === 'too-long')) return t(messages[r.error], { field: t(label) });
  return outcome(r);
}
