import { err, ok, type Result } from './result';

/** Caps keep the document small enough to sync in one WebRTC message and readable on a phone. */
export const LIMITS = {
  title: 120,
  note: 500,
  prompt: 300,
  groupName: 60,
  displayName: 60,
  purpose: 1000,
  place: 120,
  stakeholderName: 120,
  /** Needs, interests, motivations, what a stakeholder brings. */
  stakeholderDetail: 500,
  relationship: 60,
  /** Why someone agrees with reservations or objects to a ground rule. */
  reason: 300,
  /** The shared vision statement of a partnership. */
  vision: 2000,
  versionName: 60,
  /** Each field of an indicator of success (baseline, method, who collects...). */
  indicatorField: 300,
  /** Each answer the room writes into the partnership agreement (its decision-making rules,
   *  roles, communication protocols, review schedule). */
  agreementPrompt: 1000,
  /** A need's or a pledge's unit: "USD", "person-days", "rooms". */
  unit: 30,
} as const;

export type TextField = keyof typeof LIMITS;
export type TextError = 'empty' | 'too-long';

// Pasted text from PDFs and chat apps brings control and bidi-override characters that corrupt
// exports and can disguise text; tabs become spaces and other controls go.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Removes pasted control and bidi-override characters and unifies line breaks, and nothing
 *  else: text co-edited as it is typed keeps its spaces and unfinished words. */
export const stripControls = (raw: string): string => raw.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROL, '');

/** Normalises what a person typed or pasted; `multiline` keeps line breaks (notes), else they become spaces. */
export function cleanText(raw: string, multiline = false): string {
  let text = stripControls(raw.normalize('NFC'));
  text = multiline ? text.replace(/\n{3,}/g, '\n\n') : text.replace(/\n+/g, ' ');
  return text.trim();
}

/** Cleans and checks a user-supplied text against its field's cap. Length counts code points,
 *  so Khmer and emoji are not penalised for UTF-16 surrogate pairs. */
export function checkText(raw: string, field: TextField, { multiline = false, optional = false } = {}): Result<string, TextError> {
  const text = cleanText(raw, multiline);
  if (!text && !optional) return err('empty');
  const length = [...text].length;
  if (length > LIMITS[field]) return err('too-long', `${length} > ${LIMITS[field]}`);
  return ok(text);
}
