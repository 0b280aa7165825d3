/* The sections of a partnership agreement (seed 000 L181-190: the discussions of Phase 1 "form
 * the basis for the partnership agreement"), and the questions the room answers in it where no
 * board holds the content. Kept apart from ./agreement.ts so that the board-kind registry can
 * name them without importing every planning board. */

export const AGREEMENT_SECTIONS = ['vision', 'conduct', 'decisions', 'roles', 'resources', 'communication', 'indicators', 'risks'] as const;
export type AgreementSection = (typeof AGREEMENT_SECTIONS)[number];

/** Each question the facilitator fills in with the room, by the section it belongs to:
 *  decision-making rules and the rhythm of meetings (000 L130-131, 004 L84), roles and
 *  responsibilities (004 L90), communication between partners, within each partner and to the
 *  public, kept apart (000 L134-156, 004 L85-88), and how often the partnership reviews itself
 *  (000 L167-171). */
export const AGREEMENT_PROMPTS = {
  decisions: ['decisionRules', 'meetingRhythm'],
  roles: ['roles'],
  communication: ['internalComms', 'externalComms'],
  indicators: ['reviewSchedule'],
} as const satisfies Partial<Record<AgreementSection, readonly string[]>>;

export type AgreementPrompt = (typeof AGREEMENT_PROMPTS)[keyof typeof AGREEMENT_PROMPTS][number];

export const AGREEMENT_PROMPT_KEYS: readonly AgreementPrompt[] = Object.values(AGREEMENT_PROMPTS).flat();

/** The prompts of a section, in order (none for a section whose content comes from boards). */
export const promptsOf = (section: AgreementSection): readonly AgreementPrompt[] =>
  (AGREEMENT_PROMPTS as Partial<Record<AgreementSection, readonly AgreementPrompt[]>>)[section] ?? [];
