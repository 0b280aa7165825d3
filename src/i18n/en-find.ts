/** The find box of a long board. */
export const findMessages = {
  'find.label': 'Find on this board',
  'find.placeholder': 'Words in a note or name',
  'find.clear': 'Clear',
  'find.count': '{shown} of {count} shown',
  'find.none': 'Nothing on this board matches “{query}”.',
} as const;
