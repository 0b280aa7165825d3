/** English messages of the stakeholder-map board (merged into `en`). */
export const stakeholderMessages = {
  'board.kind.stakeholders': 'Stakeholder map',
} as const;
