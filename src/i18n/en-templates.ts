import type { PlanKey } from '../core/workshop-plan';

/** English words of the built-in templates (src/core/workshop-plan.ts) and of choosing one on the
 *  home screen (merged into `en`). A board's title and prompt are written into the workshop in the
 *  creator's language when it is made. */
export const templateMessages = {
  'home.templates': 'Or start from a template',
  'home.templates.hint': 'Boards and an agenda with timeboxes, ready to change. The title above is used if you typed one.',

  'template.scoping.name': 'Partnership scoping',
  'template.scoping.description': 'From the stakeholder map to a partnership agreement: vision, ground rules, resources, risks, indicators.',
  'template.scoping.stakeholders.title': 'Stakeholder map',
  'template.scoping.stakeholders.prompt': 'Who has a stake in this partnership? Add each one with their needs, interests and motivations, and place your own estimate of their influence and interest.',
  'template.scoping.vision.title': 'Vision and joint objective',
  'template.scoping.vision.prompt': 'What will this partnership achieve together that no partner could alone? Write the vision together; name a version when the text settles.',
  'template.scoping.step.vision': 'Draft the vision',
  'template.scoping.rules.title': 'Ground rules',
  'template.scoping.rules.prompt': 'How do we want to work together? Start from equity, transparency and mutual benefit, and answer each proposal.',
  'template.scoping.resources.title': 'Resources and commitments',
  'template.scoping.resources.prompt': 'What does the work need, and what can each partner bring? Look inside the partnership first, then outside.',
  'template.scoping.risks.title': 'Risks, assumptions and red lines',
  'template.scoping.risks.prompt': 'What could go wrong, what are we assuming, and what can each partner not accept?',
  'template.scoping.indicators.title': 'Indicators of success',
  'template.scoping.indicators.prompt': 'What would success look like, and how will we know: measured how, by whom, how often, reported to whom?',
  'template.scoping.agreement.title': 'Partnership agreement',
  'template.scoping.agreement.prompt': 'Bring together what the room adopted, section by section, and record each partner group’s acceptance.',
  'template.scoping.step.agreement': 'Agree the partnership agreement',

  'template.strategic.name': 'Strategic meeting',
  'template.strategic.description': 'Each partner group’s SWOT compared, principles into practice, practical plans for moving forward.',
  'template.strategic.swot.title': 'SWOT per partner group',
  'template.strategic.swot.prompt': 'Each partner group writes its own strengths, weaknesses, opportunities and threats of the partnership today. Then compare the groups.',
  'template.strategic.step.swot': 'SWOT in partner groups',
  'template.strategic.step.compare': 'Compare the groups’ SWOTs',
  'template.strategic.principles.title': 'Principles into practice',
  'template.strategic.principles.prompt': 'How will we turn the partnering principles into practice in our working groups? Propose a practice, and answer each one.',
  'template.strategic.plans.title': 'Practical plans',
  'template.strategic.plans.prompt': 'What will we do next? One step per note: what, who leads it, and by when.',
} as const satisfies Record<PlanKey, string> & Record<`home.${string}`, string>;
