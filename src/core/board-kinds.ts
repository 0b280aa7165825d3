import { AGREEMENT_PROMPT_KEYS, AGREEMENT_SECTIONS } from './agreement-sections';

/** What each kind of board is, looked up by its type rather than switched on: adding a kind is
 *  one record here. A type from a newer app falls back to `notes`, shown read-only. */
export interface BoardKindRecord {
  /** The maps the board keeps beside `items`, made with the board so that no two devices ever
   *  create the same one concurrently (the later write would hide the other's contents). */
  readonly parts: readonly string[];
  /** Texts the board keeps beside its maps (a vision statement everyone edits), made with the
   *  board for the same reason. */
  readonly texts?: readonly string[];
  /** Fixed entries of the map `part`, each made with the board with an empty consent round
   *  (the agreement's sections), for the same reason. */
  readonly rounds?: { readonly part: string; readonly ids: readonly string[] };
  /** The map whose entries the agenda counts. */
  readonly counted: string;
  /** Whether notes-like facilitation applies: silent mode, dot vote, lock. */
  readonly noteFacilitation: boolean;
}

export const BOARD_KIND_RECORDS = {
  notes: { parts: [], counted: 'items', noteFacilitation: true },
  swot: { parts: ['clusters'], counted: 'items', noteFacilitation: true },
  stakeholders: { parts: ['stakeholders', 'relationships'], counted: 'stakeholders', noteFacilitation: false },
  'ground-rules': { parts: ['proposals'], counted: 'proposals', noteFacilitation: false },
  vision: { parts: ['versions'], texts: ['statement'], counted: 'versions', noteFacilitation: false },
  indicators: { parts: ['indicators'], counted: 'indicators', noteFacilitation: false },
  resources: { parts: ['needs', 'pledges', 'categories'], counted: 'needs', noteFacilitation: false },
  risks: { parts: ['risks', 'assumptions', 'redLines', 'sealedRedLines'], counted: 'risks', noteFacilitation: false },
  agreement: {
    parts: ['sections'], texts: AGREEMENT_PROMPT_KEYS, rounds: { part: 'sections', ids: AGREEMENT_SECTIONS },
    counted: 'sections', noteFacilitation: false,
  },
  // Answers are sealed sheets; `published` holds the results a facilitator shared.
  health: { parts: ['statements', 'sheets', 'published'], counted: 'statements', noteFacilitation: false },
  // Shows the series' actions, which live in the series' own document: the board keeps none.
  actions: { parts: [], counted: 'items', noteFacilitation: false },
  // A meeting's *Since last time* step: shows what carries over, from the series' document too.
  since: { parts: [], counted: 'items', noteFacilitation: false },
} as const satisfies Record<string, BoardKindRecord>;

export type BoardType = keyof typeof BOARD_KIND_RECORDS;

/** Board types this version can show, in the order the add-board menu lists them. */
export const BOARD_TYPES = Object.keys(BOARD_KIND_RECORDS) as BoardType[];

export const isBoardType = (type: string): type is BoardType => Object.hasOwn(BOARD_KIND_RECORDS, type);

/** The kind a board is shown as: its own, or notes for a type from a newer app. */
export const shownKind = (type: string): BoardType => (isBoardType(type) ? type : 'notes');
