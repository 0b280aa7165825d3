import type { groundRulesMessages } from './en-ground-rules';
import type { Translation } from './translation';

/** Khmer for ./en-ground-rules. */
export const groundRulesMessagesKm: Translation<typeof groundRulesMessages> = {
  'board.kind.ground-rules': 'វិធានរួម',

  'rules.proposals': 'សំណើ',
  'rules.empty': 'មិនទាន់មានសំណើនៅឡើយ។ ស្នើវិធានមួយតាមពាក្យរបស់អ្នក ឬចាប់ផ្តើមពីគោលការណ៍ភាពជាដៃគូមួយ។',
  'rules.add.label': 'ស្នើវិធានរួមមួយ',
  'rules.add.placeholder': 'ឧ. និយាយម្តងម្នាក់',
  'rules.add.submit': 'ស្នើ',
  'rules.number': 'សំណើ {n}',
  'rules.by': 'ស្នើដោយ {name}',
  'rules.anonymous': 'នរណាម្នាក់',
  'rules.from': 'ពីគោលការណ៍៖ {principle}',

  'rules.answer.group': 'ចម្លើយរបស់អ្នកចំពោះសំណើ {n}',
  'rules.answer.agree': 'យល់ព្រម',
  'rules.answer.reservations': 'យល់ព្រម ដោយមានការកត់សម្គាល់',
  'rules.answer.object': 'ជំទាស់',
  'rules.answer.hint': 'ចុចចម្លើយរបស់អ្នកម្តងទៀត ដើម្បីដកវាវិញ។',
  'rules.reason.label': 'ហេតុអ្វី? (មិនចាំបាច់ អ្នកទាំងអស់គ្នាឃើញ)',
  'rules.reason.save': 'រក្សាទុកហេតុផល',
  'rules.tally': 'យល់ព្រម {agree} · មានការកត់សម្គាល់ {reservations} · ជំទាស់ {object}',
  'rules.status.open': 'កំពុងរង់ចាំចម្លើយ',
  'rules.status.adopted': 'បានអនុម័ត',
  'rules.status.needs-discussion': 'ត្រូវពិភាក្សា',
  'rules.said.reservations': '{name} យល់ព្រម ដោយមានការកត់សម្គាល់',
  'rules.said.object': '{name} ជំទាស់',
  'rules.said.reason': '{said}៖ «{reason}»',

  'rules.edit': 'កែ',
  'rules.edit.label': 'កែសំណើ {n}',
  'rules.delete': 'លុប',
  'rules.delete.label': 'លុបសំណើ {n}',
  'rules.delete.confirm.title': 'លុបសំណើ {n}?',
  'rules.delete.confirm.body': '«{text}» និងចម្លើយ {count} របស់វា ត្រូវលុបសម្រាប់អ្នកទាំងអស់គ្នា។',
  'rules.deleted': 'បានលុបសំណើ។ «មិនធ្វើវិញ» អាចនាំវាមកវិញ។',
  'rules.moveUp': 'ផ្លាស់សំណើ {n} ឡើងលើ',
  'rules.moveDown': 'ផ្លាស់សំណើ {n} ចុះក្រោម',

  'rules.suggestions': 'ចាប់ផ្តើមពីគោលការណ៍ភាពជាដៃគូ',
  'rules.suggestions.none': 'គោលការណ៍ភាពជាដៃគូទាំងអស់ត្រូវបានស្នើរួចហើយ។',
  'rules.suggestion.propose': 'ស្នើគោលការណ៍នេះ',
  'rules.principle.equity': 'សមធម៌',
  'rules.principle.transparency': 'តម្លាភាព',
  'rules.principle.mutual-benefit': 'អត្ថប្រយោជន៍ទៅវិញទៅមក',
  'rules.principle.responsibility': 'ការទទួលខុសត្រូវ',
  'rules.principle.complementarity': 'ការបំពេញគ្នាទៅវិញទៅមក',

  'rules.project': 'បង្ហាញវិធានដែលបានអនុម័ត',
  'rules.project.count': 'បានអនុម័ត {count}',
  'rules.project.empty': 'មិនទាន់មានវិធានណាមួយត្រូវបានអនុម័តទេ។',
  'rules.project.close': 'បិទ',
};
