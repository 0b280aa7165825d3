/** English messages of the ground-rules board (merged into `en`). */
export const groundRulesMessages = {
  'board.kind.ground-rules': 'Ground rules',
} as const;
