import type { recentlyDeletedMessages } from './en-recently-deleted';
import type { Translation } from './translation';

/** Khmer for ./en-recently-deleted. */
export const recentlyDeletedMessagesKm: Translation<typeof recentlyDeletedMessages> = {
  'deleted.title': 'ទើបលុបថ្មីៗ ({count})',
  'deleted.hint': 'អ្វីដែលឧបករណ៍នេះបានឃើញបាត់ពីផ្ទាំងនេះ មិនថាអ្នកណាលុបទេ។',
  'deleted.untitled': '(គ្មានអត្ថបទ)',
  'deleted.byYou': 'អ្នកបានលុប {when}',
  'deleted.byOther': 'បានលុបនៅកន្លែងផ្សេង {when}',
  'deleted.restore': 'ស្តារវិញ',
  'deleted.restore.label': 'ស្តារ «{label}» វិញ',
  'deleted.restoreAll': 'ស្តារទាំង {count} វិញ',
  'deleted.restored': 'បានស្តារ {count} ធាតុវិញ។',
  'deleted.restored.one': 'បានស្តារ 1 ធាតុវិញ។',
};
