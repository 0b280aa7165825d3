/** English messages of the consent rounds and the planning boards: vision, indicators (merged into `en`). */
export const planningMessages = {
  'consent.waitingFor': 'Waiting for {groups}',
  'principle.leadsTo.mutual-respect': 'Equity leads to mutual respect.',
  'principle.leadsTo.trust': 'Transparency leads to trust.',
  'principle.leadsTo.sustainability': 'Mutual benefit leads to sustainability.',
} as const;
