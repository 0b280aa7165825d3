/** The facilitator's list of entries deleted from a board, with restore. */
export const recentlyDeletedMessages = {
  'deleted.title': 'Recently deleted ({count})',
  'deleted.hint': 'What this device saw disappear from this board, whoever deleted it.',
  'deleted.untitled': '(no text)',
  'deleted.byYou': 'Deleted by you, {when}',
  'deleted.byOther': 'Deleted elsewhere, {when}',
  'deleted.restore': 'Restore',
  'deleted.restore.label': 'Restore “{label}”',
  'deleted.restoreAll': 'Restore all {count}',
  'deleted.restored': 'Restored {count} entries.',
  'deleted.restored.one': 'Restored 1 entry.',
} as const;
