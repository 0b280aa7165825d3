import type { SourceRef } from '../../core/series/doc';
import { t, type MessageKey } from '../../i18n/i18n';

const KINDS: Record<string, MessageKey> = {
  note: 'source.note', proposal: 'source.proposal', stakeholder: 'source.stakeholder', parked: 'source.parked',
};

/** "From note “…”": where an action or decision came from, in words. */
export function sourceLine(source: SourceRef): string {
  const kind = KINDS[source.kind];
  return t('actions.from', { kind: kind ? t(kind) : source.kind, label: source.label });
}
