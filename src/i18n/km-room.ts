import type { roomMessages } from './en-room';
import type { Translation } from './translation';

/** Khmer for ./en-room. */
export const roomMessagesKm: Translation<typeof roomMessages> = {
  'name.ask.title': 'តើបន្ទប់គួរហៅអ្នកថាអ្វី?',
  'name.ask.body': 'ឈ្មោះ និងក្រុមរបស់អ្នក ភ្ជាប់ជាមួយអ្វីដែលអ្នកសរសេរ និងជាមួយតួនាទីជាអ្នកសម្របសម្រួលរបស់អ្នក។ គេសួរអ្នកតែម្តងប៉ុណ្ណោះ។',
  'name.ask.save': 'រក្សាទុកឈ្មោះរបស់ខ្ញុំ',
  'name.ask.later': 'មិនមែនឥឡូវទេ',
  'settings.anonymity': 'អ្វីដែលបង្ហាញពីអ្នកសរសេរ',
  'settings.anonymity.names': 'ឈ្មោះ និងក្រុម',
  'settings.anonymity.group': 'តែក្រុមប៉ុណ្ណោះ',
  'settings.anonymity.none': 'គ្មានអ្វីទេ មានតែអត្ថបទ',
  'settings.editing': 'គ្រប់គ្នាអាចកែគ្រប់ធាតុ',
  'spoken.title': 'អ្នកដែលបាននិយាយ៖ {count} ក្នុងចំណោម {total}',
  'spoken.hint': 'មានតែអ្នកទេដែលឃើញនេះ។ សូមអញ្ជើញអ្នកដែលនិយាយតិច ឱ្យបញ្ចេញមតិ។',
  'spoken.people': 'ការចូលរួមចំណែក តាមមនុស្សម្នាក់ៗ',
  'spoken.groups': 'តាមក្រុម',
  'spoken.count': '{name}៖ {count}',
  'spoken.quiet': 'មិនទាន់បានចូលរួមចំណែក',
  'spoken.everyone': 'គ្រប់គ្នាបានចូលរួមចំណែកហើយ។',
  'spoken.nobody': 'មិនទាន់មាននរណាម្នាក់ផ្សេងទៀតចូលរួមនៅឡើយ។',
  'focus.put': 'ផ្តោត',
  'focus.put.label': 'ដាក់ «{text}» នៅលើគ្រប់អេក្រង់',
  'focus.label': 'នៅលើគ្រប់អេក្រង់',
  'focus.back': 'ត្រឡប់ទៅផ្ទាំង',
  'focus.backAll': 'ត្រឡប់ទៅផ្ទាំងសម្រាប់គ្រប់គ្នា',
  'err.no-entry': 'ធាតុនោះលែងមាននៅលើផ្ទាំងទៀតហើយ។',
};
