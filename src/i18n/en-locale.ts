/** Choosing the interface's language, and the language of an export. */
export const localeMessages = {
  'locale.label': 'Language',
  'export.language': 'Language of the summary',
  /* The join screen's suggested groups, in the person's language: the name picked becomes the
   * group's name for everyone. */
  'join.group.government': 'Government',
  'join.group.development-partners': 'Development Partners',
  'join.group.civil-society': 'Civil society',
  'join.group.business': 'Business',
  'join.group.academia': 'Academia',
  'join.group.community': 'Community',
} as const;
