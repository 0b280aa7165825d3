/** Choosing the interface's language, and the language of an export. */
export const localeMessages = {
  'locale.label': 'Language',
  'export.language': 'Language of the summary',
  'export.language.both': 'Both, side by side',
  /* A board's title and question in each language: participants see their own language's. */
  'board.title.labelEn': 'Board title in English',
  'board.prompt.labelEn': 'Question in English',
  'board.title.labelKm': 'Board title in Khmer',
  'board.prompt.labelKm': 'Question in Khmer',
  /* The join screen's suggested groups, in the person's language: the name picked becomes the
   * group's name for everyone. */
  'join.group.government': 'Government',
  'join.group.development-partners': 'Development Partners',
  'join.group.civil-society': 'Civil society',
  'join.group.business': 'Business',
  'join.group.academia': 'Academia',
  'join.group.community': 'Community',
} as const;
