import type { wordMessages } from './en-word';
import type { Translation } from './translation';

/** Khmer for ./en-word. */
export const wordMessagesKm: Translation<typeof wordMessages> = {
  'export.word': 'ទាញយក Word (.docx)',
  'export.word.failed': 'មិនអាចបង្កើតឯកសារ Word បានទេ៖ កម្មវិធីប្រហែលត្រូវការបណ្តាញម្តង ដើម្បីផ្ទុកវា។ សូមព្យាយាមម្តងទៀត។',
};
