import type { localeMessages } from './en-locale';
import type { Translation } from './translation';

/** Khmer for ./en-locale. */
export const localeMessagesKm: Translation<typeof localeMessages> = {
  'locale.label': 'ភាសា',
  'export.language': 'ភាសានៃសេចក្តីសង្ខេប',
  'join.group.government': 'រដ្ឋាភិបាល',
  'join.group.development-partners': 'ដៃគូអភិវឌ្ឍន៍',
  'join.group.civil-society': 'សង្គមស៊ីវិល',
  'join.group.business': 'វិស័យឯកជន',
  'join.group.academia': 'ស្ថាប័នសិក្សា',
  'join.group.community': 'សហគមន៍',
};
