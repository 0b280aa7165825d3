/* The built-in templates, as data: which boards a workshop starts with and the agenda that runs
 * them. Every word is an i18n key, resolved in the creator's language when the workshop is made
 * (`createFromPlan`), so a plan carries no language of its own. Plain data with no imports: the
 * home screen lists the plans without loading what creates them. */

/** An i18n key of a template's words (src/i18n/en-templates.ts). */
export type TemplateKey = `template.${string}`;

export interface PlannedBoard<K extends string = TemplateKey> {
  /** Names the board within its plan, for the agenda steps. */
  readonly ref: string;
  /** A board kind id (board-kinds.ts). A kind this version does not know yet is left out with
   *  its steps, so a plan can name a kind before it lands. */
  readonly kind: string;
  readonly title: K;
  readonly prompt: K;
}

export interface PlannedStep<K extends string = TemplateKey> {
  /** The `ref` of the step's board. */
  readonly board: string;
  /** Absent where the board's title says it. */
  readonly title?: K;
  readonly minutes: number;
}

export interface WorkshopPlan<K extends string = TemplateKey> {
  readonly id: string;
  readonly name: K;
  /** One line on the home screen. */
  readonly description: K;
  /** In agenda order. */
  readonly boards: readonly PlannedBoard<K>[];
  readonly agenda: readonly PlannedStep<K>[];
}

/* Timeboxes are the app's suggestion (facilitation practice, not the seeds'); the facilitator
 * changes them in the agenda. */
export const WORKSHOP_PLANS = [
  {
    // The planning steps of the partnering cycle's first phase (seed 000 L28-190, seed 004 L62-91).
    id: 'scoping',
    name: 'template.scoping.name',
    description: 'template.scoping.description',
    boards: [
      { ref: 'stakeholders', kind: 'stakeholders', title: 'template.scoping.stakeholders.title', prompt: 'template.scoping.stakeholders.prompt' },
      { ref: 'vision', kind: 'vision', title: 'template.scoping.vision.title', prompt: 'template.scoping.vision.prompt' },
      { ref: 'rules', kind: 'ground-rules', title: 'template.scoping.rules.title', prompt: 'template.scoping.rules.prompt' },
      { ref: 'resources', kind: 'resources', title: 'template.scoping.resources.title', prompt: 'template.scoping.resources.prompt' },
      { ref: 'risks', kind: 'risks', title: 'template.scoping.risks.title', prompt: 'template.scoping.risks.prompt' },
      { ref: 'indicators', kind: 'indicators', title: 'template.scoping.indicators.title', prompt: 'template.scoping.indicators.prompt' },
      { ref: 'agreement', kind: 'agreement', title: 'template.scoping.agreement.title', prompt: 'template.scoping.agreement.prompt' },
    ],
    agenda: [
      { board: 'stakeholders', minutes: 45 },
      { board: 'vision', title: 'template.scoping.step.vision', minutes: 40 },
      { board: 'rules', minutes: 30 },
      { board: 'resources', minutes: 45 },
      { board: 'risks', minutes: 40 },
      { board: 'indicators', minutes: 30 },
      { board: 'agreement', title: 'template.scoping.step.agreement', minutes: 45 },
    ],
  },
  {
    // The Strategic Meeting of seed 003 (L55-80): each partner group's SWOT, compared; principles
    // turned into practice; practical plans for moving forward.
    id: 'strategic',
    name: 'template.strategic.name',
    description: 'template.strategic.description',
    boards: [
      { ref: 'swot', kind: 'swot', title: 'template.strategic.swot.title', prompt: 'template.strategic.swot.prompt' },
      { ref: 'principles', kind: 'ground-rules', title: 'template.strategic.principles.title', prompt: 'template.strategic.principles.prompt' },
      { ref: 'plans', kind: 'notes', title: 'template.strategic.plans.title', prompt: 'template.strategic.plans.prompt' },
    ],
    agenda: [
      { board: 'swot', title: 'template.strategic.step.swot', minutes: 45 },
      { board: 'swot', title: 'template.strategic.step.compare', minutes: 30 },
      { board: 'principles', minutes: 60 },
      { board: 'plans', minutes: 45 },
    ],
  },
] as const satisfies readonly WorkshopPlan[];

export type BuiltInPlan = (typeof WORKSHOP_PLANS)[number];
export type PlanId = BuiltInPlan['id'];

/** Every key the built-in plans use: the English catalogue must have each one. */
export type PlanKey =
  | BuiltInPlan['name'] | BuiltInPlan['description']
  | BuiltInPlan['boards'][number]['title'] | BuiltInPlan['boards'][number]['prompt']
  | Extract<BuiltInPlan['agenda'][number], { title: string }>['title'];

export const planById = (id: string): BuiltInPlan | undefined => WORKSHOP_PLANS.find((p) => p.id === id);
