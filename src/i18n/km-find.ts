import type { findMessages } from './en-find';
import type { Translation } from './translation';

/** Khmer for ./en-find. */
export const findMessagesKm: Translation<typeof findMessages> = {
  'find.label': 'ស្វែងរកនៅលើផ្ទាំងនេះ',
  'find.placeholder': 'ពាក្យក្នុងកំណត់ចំណាំ ឬឈ្មោះ',
  'find.clear': 'សម្អាត',
  'find.count': 'បង្ហាញ {shown} ក្នុងចំណោម {count}',
  'find.none': 'គ្មានអ្វីនៅលើផ្ទាំងនេះត្រូវនឹង «{query}» ទេ។',
};
