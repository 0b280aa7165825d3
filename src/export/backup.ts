import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import * as v from 'valibot';
import * as Y from 'yjs';
import { getMeta } from '../core/meta';
import { err, ok, type Result } from '../core/result';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { exportFileName } from './file-name';

/** The base64 alphabet with padding only at the end; the length is checked separately, since a
 *  wrong length means a cut-off file rather than a foreign one. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/* A backup is one JSON file: what the workshops list needs (id, title, role) and the whole Yjs
 * state, with a format version and a checksum. Importing merges the state into the device's copy
 * (a CRDT merge, so nothing anyone wrote on either side is lost). A meeting of a series carries
 * the series' document too (its actions, decisions and parked items live there), with the
 * series' id and secret so the restored meeting syncs it again; a version 1 reader that
 * predates it ignores the field. */

export const BACKUP_FORMAT = 'common-ground-backup';
export const BACKUP_VERSION = 1;
/** A suggested cap for files offered to `parseBackup`: twice the hub's 16 MiB message limit
 *  (base64 adds a third), so any workshop that can sync can also be restored. */
export const BACKUP_MAX_BYTES = 32 * 1024 * 1024;
/** The origin of a merged import, so undo managers and save status can tell it from typing. */
export const IMPORT_ORIGIN = 'import';

export type BackupError = 'not-backup' | 'unknown-version' | 'checksum' | 'truncated' | 'too-large' | 'corrupt-update';

const ROLES = ['facilitator', 'participant'] as const;
export type BackupRole = (typeof ROLES)[number];

/** The series a backed-up meeting belongs to: its invite and its whole state. */
export interface BackupSeries {
  id: string;
  secret: string;
  update: Uint8Array;
}

export interface ParsedBackup {
  id: string;
  /** The title inside the state (the envelope's copy is only for people reading the file). */
  title: string;
  role?: BackupRole;
  exportedAt: string;
  update: Uint8Array;
  series?: BackupSeries;
}

/** Just enough to know the file is ours and which version wrote it. */
const Envelope = v.looseObject({ format: v.literal(BACKUP_FORMAT), version: v.number() });

const BackupV1 = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(1),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  workshop: v.object({
    // The same alphabet as the hub's room names, so an imported id can be synced.
    id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,80}$/)),
    title: v.pipe(v.string(), v.maxLength(1000)),
    role: v.optional(v.picklist(ROLES)),
  }),
  state: v.pipe(v.string(), v.minLength(4), v.regex(BASE64)),
  checksum: v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{64}$/)),
  series: v.optional(v.object({
    // The alphabet of a series link (src/core/series/link.ts).
    id: v.pipe(v.string(), v.regex(/^[0-9a-z]{8,64}$/)),
    secret: v.pipe(v.string(), v.regex(/^[0-9a-z]{8,64}$/)),
    state: v.pipe(v.string(), v.minLength(4), v.regex(BASE64)),
    checksum: v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{64}$/)),
  })),
});

const checksumOf = (bytes: Uint8Array): string => `sha256:${bytesToHex(sha256(bytes))}`;

/** The whole workshop as the text of a backup file, with its series' document when it has one. */
export function encodeBackup(
  doc: Y.Doc, workshop: { id: string; role?: BackupRole }, exportedAt: Date = new Date(),
  series?: { id: string; secret: string; doc: Y.Doc },
): string {
  const state = Y.encodeStateAsUpdate(doc);
  const seriesState = series && Y.encodeStateAsUpdate(series.doc);
  const backup: v.InferOutput<typeof BackupV1> = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: exportedAt.toISOString(),
    workshop: { id: workshop.id, title: getMeta(doc).title, ...(workshop.role ? { role: workshop.role } : {}) },
    state: toBase64(state),
    checksum: checksumOf(state),
    ...(series && seriesState
      ? { series: { id: series.id, secret: series.secret, state: toBase64(seriesState), checksum: checksumOf(seriesState) } }
      : {}),
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/** Whether JSON text stops inside a string or before closing every bracket: a file cut short
 *  by an interrupted download or copy, rather than one that never was JSON. */
function endsEarly(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return inString || depth > 0;
}

const utf8Length = (text: string): number => new TextEncoder().encode(text).byteLength;

/** Reads a backup file's text without touching any workshop: every failure has its own code,
 *  and the update is checked by applying it to a scratch document. */
export function parseBackup(text: string, limits: { maxBytes: number }): Result<ParsedBackup, BackupError> {
  // Every UTF-16 unit is at least one byte, so the cheap test rules out most oversized files.
  if (text.length > limits.maxBytes || utf8Length(text) > limits.maxBytes) return err('too-large', `> ${limits.maxBytes} bytes`);
  const body = text.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    return err(body.includes(`"${BACKUP_FORMAT}"`) && endsEarly(body) ? 'truncated' : 'not-backup', String(e));
  }
  const envelope = v.safeParse(Envelope, json);
  if (!envelope.success) return err('not-backup', v.summarize(envelope.issues));
  if (envelope.output.version !== BACKUP_VERSION) return err('unknown-version', String(envelope.output.version));
  const parsed = v.safeParse(BackupV1, json);
  if (!parsed.success) return err('not-backup', v.summarize(parsed.issues));
  const { workshop, exportedAt } = parsed.output;
  const whole = wholeState(parsed.output);
  if (!whole.ok) return whole;
  const title = getMeta(whole.value.doc).title;
  if (!title) return err('corrupt-update', 'no workshop in the state');
  let series: BackupSeries | undefined;
  if (parsed.output.series) {
    const seriesState = wholeState(parsed.output.series);
    if (!seriesState.ok) return seriesState;
    series = { id: parsed.output.series.id, secret: parsed.output.series.secret, update: seriesState.value.update };
  }
  return ok({ id: workshop.id, title, ...(workshop.role ? { role: workshop.role } : {}), exportedAt, update: whole.value.update, ...(series ? { series } : {}) });
}

/** A state and its checksum, checked by applying it to a scratch document. */
function wholeState({ state, checksum }: { state: string; checksum: string }): Result<{ update: Uint8Array; doc: Y.Doc }, BackupError> {
  if (state.length % 4 !== 0) return err('truncated', `state of ${state.length} base64 characters`);
  const update = fromBase64(state);
  if (checksumOf(update) !== checksum) return err('checksum');
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, update);
  } catch (e) {
    return err('corrupt-update', String(e));
  }
  // Structs waiting for missing parents mean the update is not a whole document state.
  if (scratch.store.pendingStructs || scratch.store.pendingDs) return err('corrupt-update', 'not a whole document state');
  return ok({ update, doc: scratch });
}

/** Merges a parsed backup into a workshop already on this device: both sides' edits stay, and
 *  nothing the device holds is replaced. */
export function mergeBackup(doc: Y.Doc, update: Uint8Array): void {
  Y.applyUpdate(doc, update, IMPORT_ORIGIN);
}

/** A file name that every file system accepts: letters and digits of any script (a Khmer title
 *  stays readable), other characters as single dashes, and the local date. */
export function backupFileName(title: string, date: Date): string {
  return exportFileName(title, date, 'common-ground.json');
}
