import type { hubCaMessages } from './en-hub-ca';
import type { Translation } from './translation';

/** Khmer for ./en-hub-ca. */
export const hubCaMessagesKm: Translation<typeof hubCaMessages> = {
  'ca.title': 'ទុកចិត្តហាប់នេះនៅលើទូរស័ព្ទ',
  'ca.intro': 'ហាប់នេះបម្រើកម្មវិធីតាម https ដោយប្រើវិញ្ញាបនបត្រដែលវាធ្វើខ្លួនឯង។ សូមដំឡើងវិញ្ញាបនបត្ររបស់វាម្តងនៅលើទូរស័ព្ទនីមួយៗ៖ បន្ទាប់មក កម្មវិធីបើកនៅលើទូរស័ព្ទ ទោះបីហាប់បិទក៏ដោយ ហើយរក្សាអ្វីដែលបានសរសេរនៅទីនោះ។',
  'ca.scan': 'ស្កេនដោយកាមេរ៉ាទូរស័ព្ទ ដើម្បីបើកទំព័រនេះនៅលើទូរស័ព្ទ។',
  'ca.warning': 'ទូរស័ព្ទអាចព្រមានមុនថា ការតភ្ជាប់មិនឯកជន។ លើកនេះ សូមបន្ត៖ នៅលើ Android ចុច Advanced រួច Proceed។ នៅលើ iPhone ចុច Show Details រួច visit this website។',
  'ca.download': 'ទាញយកវិញ្ញាបនបត្រ',
  'ca.android': 'Android',
  'ca.android.1': 'ចុច «ទាញយកវិញ្ញាបនបត្រ» ខាងលើ។',
  'ca.android.2': 'បើក Settings ហើយស្វែងរក «CA certificate» (Security រួច More security settings រួច Encryption and credentials រួច Install a certificate)។',
  'ca.android.3': 'ចុច CA certificate រួច Install anyway ហើយជ្រើសឯកសារដែលអ្នកបានទាញយក ({file})។',
  'ca.android.4': 'បើកតំណសិក្ខាសាលាម្តងទៀត។',
  'ca.iphone': 'iPhone និង iPad',
  'ca.iphone.1': 'នៅក្នុង Safari ចុច «ទាញយកវិញ្ញាបនបត្រ» ខាងលើ រួចចុច Allow។',
  'ca.iphone.2': 'បើក Settings ចុច Profile Downloaded នៅខាងលើ (ឬ General រួច VPN and Device Management) រួចចុច Install។',
  'ca.iphone.3': 'បើក Settings រួច General រួច About រួច Certificate Trust Settings ហើយបើក «{name}»។',
  'ca.iphone.4': 'បើកតំណសិក្ខាសាលាម្តងទៀត។',
  'ca.after': 'បន្ទាប់មក ទូរស័ព្ទទុកចិត្តអ្វីដែលអាជ្ញាធរវិញ្ញាបនបត្ររបស់ហាប់នេះចុះហត្ថលេខា។ កូនសោរបស់វាមិនចេញពីកុំព្យូទ័ររបស់ហាប់ទេ។ ពេលសិក្ខាសាលាចប់ សូមលុបវិញ្ញាបនបត្រនៅក្នុងការកំណត់ដដែល។',
  'ca.open': 'បើកកម្មវិធី',
};
