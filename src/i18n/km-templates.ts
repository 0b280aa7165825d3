import type { templateMessages } from './en-templates';
import type { Translation } from './translation';

/** Khmer for ./en-templates. */
export const templateMessagesKm: Translation<typeof templateMessages> = {
  'home.templates': 'ឬចាប់ផ្តើមពីគំរូ',
  'home.templates.hint': 'ផ្ទាំង និងរបៀបវារៈដែលមានពេលវេលាកំណត់ អាចកែបាន។ ប្រើចំណងជើងខាងលើ ប្រសិនបើអ្នកបានសរសេរ។',

  'template.scoping.name': 'ការកំណត់វិសាលភាពភាពជាដៃគូ',
  'template.scoping.description': 'ពីផែនទីអ្នកពាក់ព័ន្ធ ដល់កិច្ចព្រមព្រៀងភាពជាដៃគូ៖ ចក្ខុវិស័យ វិធានរួម ធនធាន ហានិភ័យ សូចនាករ។',
  'template.scoping.stakeholders.title': 'ផែនទីអ្នកពាក់ព័ន្ធ',
  'template.scoping.stakeholders.prompt': 'តើនរណាខ្លះពាក់ព័ន្ធនឹងភាពជាដៃគូនេះ? បន្ថែមម្នាក់ៗ ជាមួយតម្រូវការ ផលប្រយោជន៍ និងការលើកទឹកចិត្តរបស់ពួកគេ ហើយដាក់ការប៉ាន់ស្មានរបស់អ្នក អំពីឥទ្ធិពល និងចំណាប់អារម្មណ៍របស់ពួកគេ។',
  'template.scoping.vision.title': 'ចក្ខុវិស័យ និងគោលបំណងរួម',
  'template.scoping.vision.prompt': 'តើភាពជាដៃគូនេះនឹងសម្រេចអ្វីជាមួយគ្នា ដែលដៃគូតែម្នាក់ឯងមិនអាចធ្វើបាន? សរសេរចក្ខុវិស័យជាមួយគ្នា ហើយដាក់ឈ្មោះកំណែ ពេលអត្ថបទនឹងនរ។',
  'template.scoping.step.vision': 'ព្រាងចក្ខុវិស័យ',
  'template.scoping.rules.title': 'វិធានរួម',
  'template.scoping.rules.prompt': 'តើយើងចង់ធ្វើការជាមួយគ្នាយ៉ាងដូចម្តេច? ចាប់ផ្តើមពីសមធម៌ តម្លាភាព និងអត្ថប្រយោជន៍ទៅវិញទៅមក ហើយឆ្លើយសំណើនីមួយៗ។',
  'template.scoping.resources.title': 'ធនធាន និងការប្តេជ្ញាចិត្ត',
  'template.scoping.resources.prompt': 'តើការងារត្រូវការអ្វីខ្លះ ហើយដៃគូនីមួយៗអាចនាំមកអ្វីខ្លះ? មើលក្នុងភាពជាដៃគូជាមុនសិន បន្ទាប់មកមើលខាងក្រៅ។',
  'template.scoping.risks.title': 'ហានិភ័យ ការសន្មត និងខ្សែក្រហម',
  'template.scoping.risks.prompt': 'តើអ្វីអាចខុស តើយើងកំពុងសន្មតអ្វី ហើយតើដៃគូនីមួយៗមិនអាចទទួលយកអ្វីបាន?',
  'template.scoping.indicators.title': 'សូចនាករនៃភាពជោគជ័យ',
  'template.scoping.indicators.prompt': 'តើភាពជោគជ័យមើលទៅដូចម្តេច ហើយយើងដឹងដោយរបៀបណា៖ វាស់យ៉ាងដូចម្តេច ដោយនរណា ញឹកញាប់ប៉ុណ្ណា រាយការណ៍ទៅនរណា?',
  'template.scoping.agreement.title': 'កិច្ចព្រមព្រៀងភាពជាដៃគូ',
  'template.scoping.agreement.prompt': 'ប្រមូលអ្វីដែលបន្ទប់បានអនុម័ត ផ្នែកម្តងៗ ហើយកត់ត្រាការទទួលយករបស់ក្រុមដៃគូនីមួយៗ។',
  'template.scoping.step.agreement': 'ព្រមព្រៀងលើកិច្ចព្រមព្រៀងភាពជាដៃគូ',

  'template.strategic.name': 'កិច្ចប្រជុំយុទ្ធសាស្ត្រ',
  'template.strategic.description': 'ប្រៀបធៀប SWOT របស់ក្រុមដៃគូនីមួយៗ អនុវត្តគោលការណ៍ និងផែនការជាក់ស្តែងសម្រាប់ឆ្ពោះទៅមុខ។',
  'template.strategic.swot.title': 'SWOT តាមក្រុមដៃគូ',
  'template.strategic.swot.prompt': 'ក្រុមដៃគូនីមួយៗសរសេរចំណុចខ្លាំង ចំណុចខ្សោយ ឱកាស និងការគំរាមកំហែងផ្ទាល់ខ្លួន នៃភាពជាដៃគូសព្វថ្ងៃ។ បន្ទាប់មកប្រៀបធៀបក្រុម។',
  'template.strategic.step.swot': 'SWOT ក្នុងក្រុមដៃគូ',
  'template.strategic.step.compare': 'ប្រៀបធៀប SWOT របស់ក្រុម',
  'template.strategic.principles.title': 'ពីគោលការណ៍ទៅការអនុវត្ត',
  'template.strategic.principles.prompt': 'តើយើងនឹងអនុវត្តគោលការណ៍ភាពជាដៃគូ ក្នុងក្រុមការងាររបស់យើងយ៉ាងដូចម្តេច? ស្នើការអនុវត្តមួយ ហើយឆ្លើយនីមួយៗ។',
  'template.strategic.plans.title': 'ផែនការជាក់ស្តែង',
  'template.strategic.plans.prompt': 'តើយើងនឹងធ្វើអ្វីបន្ទាប់? មួយជំហានក្នុងមួយកំណត់ចំណាំ៖ អ្វី នរណាដឹកនាំ និងត្រឹមពេលណា។',
};
