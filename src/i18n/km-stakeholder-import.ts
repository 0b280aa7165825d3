import type { stakeholderImportMessages } from './en-stakeholder-import';
import type { Translation } from './translation';

/** Khmer for ./en-stakeholder-import. */
export const stakeholderImportMessagesKm: Translation<typeof stakeholderImportMessages> = {
  'stakeholders.import.open': 'នាំចូលពីសៀវភៅបញ្ជី (CSV)',
  'stakeholders.import.hint': 'ជួរឈរ៖ ឈ្មោះ វិស័យ កម្រិតនៃការចូលរួម តម្រូវការ ផលប្រយោជន៍ កត្តាជំរុញ អ្វីដែលពួកគេនាំមក។ ទំនាក់ទំនងដាក់ក្នុងឯកសារដាច់ដោយឡែក ដែលមានជួរឈរ ពី ទៅ ទំនាក់ទំនង។',
  'stakeholders.import.title': 'នាំចូលអ្នកពាក់ព័ន្ធ',
  'stakeholders.import.ready': 'អ្នកពាក់ព័ន្ធ {stakeholders} និងទំនាក់ទំនង {relationships} រួចរាល់ដើម្បីបន្ថែម។ គ្មានអ្វីត្រូវបានបន្ថែមទេ រហូតដល់អ្នកបញ្ជាក់។',
  'stakeholders.import.skipped': 'ជួរដេកទាំងនេះនឹងត្រូវរំលង៖',
  'stakeholders.import.row': '{file} ជួរដេក {row}៖ {problems}',
  'stakeholders.import.unreadable': '{file} គ្មានជួរឈរឈ្មោះ ហើយក៏គ្មានជួរឈរ ពី និង ទៅ ដែរ។',
  'stakeholders.import.problem.empty-name': 'ឈ្មោះទទេ',
  'stakeholders.import.problem.duplicate-name': '«{value}» មាននៅលើផ្ទាំង ឬនៅខាងលើក្នុងឯកសាររួចហើយ',
  'stakeholders.import.problem.unknown-sector': 'វិស័យ «{value}» មិនមែនជាវិស័យមួយក្នុងបញ្ជីទេ',
  'stakeholders.import.problem.unknown-level': 'កម្រិតនៃការចូលរួម «{value}» មិនមែនជាកម្រិតមួយក្នុងបញ្ជីទេ',
  'stakeholders.import.problem.too-long': '{column} វែងពេក',
  'stakeholders.import.problem.unknown-stakeholder': 'គ្មានអ្នកពាក់ព័ន្ធឈ្មោះ «{value}» ទេ',
  'stakeholders.import.problem.same-stakeholder': '«{value}» មិនអាចមានទំនាក់ទំនងជាមួយខ្លួនឯងបានទេ',
  'stakeholders.import.confirm': 'បន្ថែម',
  'stakeholders.import.cancel': 'បោះបង់',
  'stakeholders.import.done': 'បានបន្ថែមអ្នកពាក់ព័ន្ធ {stakeholders} និងទំនាក់ទំនង {relationships}។',
};
