import { ed25519 } from '@noble/curves/ed25519.js';
import { canonicalJson, fromBase64url, isJson, toBase64url, utf8, type Json } from './encoding';
import { keyBytes } from './keys';
import { boundedCache } from './memo';

/** A facilitator-only change as it sits in the document: peers act on it only when `sig` is the
 *  signer's Ed25519 signature over everything else, and the signer was a facilitator at `seq`. */
export interface SignedRecord {
  kind: string;
  target: string;
  value: Json;
  /** A Lamport counter across all records of the workshop: a change made after seeing another
   *  has a higher `seq`, so the later decision wins whichever device merges first. */
  seq: number;
  /** The signer's Ed25519 public key. */
  signer: string;
  sig: string;
}

export type RecordBody = Omit<SignedRecord, 'sig'>;

/** Messages name what they are and the workshop's root facilitator, so a signature made for one
 *  purpose or one workshop never verifies in another. */
const recordMessage = (root: string, body: RecordBody) =>
  `common-ground/record/1\n${root}\n${canonicalJson({ ...body })}`;

export function signMessage(secret: string, message: string): string {
  return toBase64url(ed25519.sign(utf8(message), keyBytes(secret)));
}

const checked = boundedCache<boolean>(4096);

/** Strict RFC 8032 verification (no ZIP-215 leniency), cached: a record is verified once per page. */
export function verifyMessage(publicKey: string, message: string, sig: string): boolean {
  return checked(`${publicKey}\n${sig}\n${message}`, () => {
    const pub = fromBase64url(publicKey);
    const signature = fromBase64url(sig);
    if (pub?.length !== 32 || signature?.length !== 64) return false;
    return ed25519.verify(signature, utf8(message), pub, { zip215: false });
  });
}

export function signRecord(root: string, secret: string, body: RecordBody): SignedRecord {
  return { ...body, sig: signMessage(secret, recordMessage(root, body)) };
}

const SHORT = 200;
const isShort = (v: unknown): v is string => typeof v === 'string' && v.length <= SHORT;

/** A record read from the document if it is well-formed and its signature holds; anything a
 *  peer may have written (wrong shapes, other keys' signatures, tampered values) is undefined. */
export function readRecord(root: string, raw: unknown): SignedRecord | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const seen = parsed.get(raw);
  if (seen?.root === root) return seen.record;
  const record = parseRecord(root, raw);
  parsed.set(raw, { root, record });
  return record;
}

/** Y.Map hands back the same object for an entry until it changes, so a check is done once. */
const parsed = new WeakMap<object, { root: string; record: SignedRecord | undefined }>();

function parseRecord(root: string, raw: object): SignedRecord | undefined {
  const { kind, target, value, seq, signer, sig } = raw as Record<string, unknown>;
  if (!isShort(kind) || !isShort(target) || !isShort(signer) || !isShort(sig)) return undefined;
  if (!Number.isSafeInteger(seq) || (seq as number) < 1 || !isJson(value)) return undefined;
  const record: SignedRecord = { kind, target, value, seq: seq as number, signer, sig };
  return verifyMessage(signer, recordMessage(root, { kind, target, value, seq: record.seq, signer }), sig) ? record : undefined;
}

/** Total order for records: Lamport counter, then signer, so two facilitators' concurrent writes
 *  resolve the same way on every device. */
export const bySeq = (a: SignedRecord, b: SignedRecord): number =>
  a.seq - b.seq || cmp(a.signer, b.signer) || cmp(a.kind, b.kind) || cmp(a.target, b.target) || cmp(a.sig, b.sig);

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
