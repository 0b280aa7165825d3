import type { pairingMessages } from './en-pairing';
import type { Translation } from './translation';

/** Khmer for ./en-pairing. */
export const pairingMessagesKm: Translation<typeof pairingMessages> = {
  'pairing.title': 'ចុះឈ្មោះសិក្ខាសាលានេះជាមួយហាប់',
  'pairing.explain': 'ហាប់ទទួលសិក្ខាសាលាមួយ នៅពេលឧបករណ៍របស់អ្នកសម្របសម្រួលនាំវាមក៖ ដោយខ្លួនឯង នៅលើកុំព្យូទ័ររបស់ហាប់ផ្ទាល់ ឬពីឧបករណ៍ផ្សេងទៀត ដោយប្រើលេខកូដផ្គូផ្គងដែលហាប់បង្ហាញពេលវាចាប់ផ្តើម។',
  'pairing.hub': 'ហាប់៖',
  'pairing.code': 'លេខកូដផ្គូផ្គង',
  'pairing.submit': 'ចុះឈ្មោះ',
  'pairing.working': 'កំពុងចុះឈ្មោះ…',
  'pairing.registered': 'បានចុះឈ្មោះ៖ ឧបករណ៍ដែលមានតំណអញ្ជើញ អាចប្រើហាប់នៅ {hub} ឥឡូវនេះ។',
  'pairing.refused': 'ហាប់បានបដិសេធលេខកូដនេះ។ សូមផ្ទៀងផ្ទាត់វាជាមួយផ្ទាំងបង្អួចរបស់ហាប់៖ លេខកូដប្តូររាល់ពេលហាប់ចាប់ផ្តើម។',
  'pairing.unreachable': 'គ្មានហាប់ឆ្លើយតបនៅ {hub} ទេ។ សូមពិនិត្យថាឧបករណ៍នេះនៅលើបណ្តាញរបស់ហាប់ ហើយព្យាយាមម្តងទៀត។',
  'pairing.noCode': 'សូមបញ្ចូលលេខកូដផ្គូផ្គងដែលហាប់បង្ហាញ។',
  'pairing.open': 'បញ្ចូលលេខកូដផ្គូផ្គងរបស់ហាប់',
};
