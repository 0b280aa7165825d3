import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';

/** A journal record: payload length (4 bytes, big-endian), the first 4 bytes of the payload's
 *  SHA-256, then the payload. A hub killed mid-write leaves a short or garbled last record, which
 *  the length and checksum expose. */
const HEADER_BYTES = 8;

const checksum = (payload: Uint8Array): Buffer => createHash('sha256').update(payload).digest().subarray(0, 4);

export function encodeRecord(payload: Uint8Array): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32BE(payload.byteLength, 0);
  checksum(payload).copy(header, 4);
  return Buffer.concat([header, payload]);
}

export interface ReadJournal {
  records: Uint8Array[];
  /** Bytes of whole, intact records from the start: where the next record goes. */
  goodBytes: number;
}

/** The intact records from the start of `bytes`; everything from the first damaged record on is
 *  left out (a record after a damaged one cannot be trusted to start where it seems to). */
export function readRecords(bytes: Uint8Array): ReadJournal {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: Uint8Array[] = [];
  let at = 0;
  while (at + HEADER_BYTES <= data.length) {
    const length = data.readUInt32BE(at);
    const end = at + HEADER_BYTES + length;
    if (end > data.length) break;
    const payload = data.subarray(at + HEADER_BYTES, end);
    if (!checksum(payload).equals(data.subarray(at + 4, at + HEADER_BYTES))) break;
    records.push(new Uint8Array(payload));
    at = end;
  }
  return { records, goodBytes: at };
}

interface Waiting {
  record: Buffer;
  update: Uint8Array;
  done: () => void;
  fail: (error: unknown) => void;
}

/** One room's append-only journal file. Appends that arrive while a write is on its way share the
 *  next write and flush; each resolves only once its record is on disk. Appends and compactions
 *  run one after another, so a compaction never drops a record it has not seen. */
export class Journal {
  readonly #path: string;
  readonly #created: () => Promise<void>;
  #handle: FileHandle | null = null;
  #size: number;
  /** Updates in the file now: what the next compaction must hold. */
  #records: Uint8Array[];
  #waiting: Waiting[] = [];
  #queue: Promise<void> = Promise.resolve();

  /** `created` runs once the file first exists (to make its name durable). */
  constructor(path: string, existing: ReadJournal, created: () => Promise<void>) {
    this.#path = path;
    this.#records = existing.records;
    this.#size = existing.goodBytes;
    this.#created = created;
  }

  /** The updates written since the last compaction. */
  get records(): readonly Uint8Array[] {
    return this.#records;
  }

  append(update: Uint8Array): Promise<void> {
    return new Promise((done, fail) => {
      this.#waiting.push({ record: encodeRecord(update), update, done, fail });
      if (this.#waiting.length === 1) void this.#run(() => this.#flush());
    });
  }

  /** Runs `write` with every update in the journal, then empties the journal: `write` must have
   *  made them durable elsewhere (the room's snapshot) when it resolves. */
  compact(write: (records: readonly Uint8Array[]) => Promise<void>): Promise<void> {
    return this.#run(async () => {
      await write(this.#records);
      if (this.#size > 0) await (await this.#open()).truncate(0);
      this.#size = 0;
      this.#records = [];
    });
  }

  /** Resolves once every append and compaction asked for so far has finished (or failed). */
  idle(): Promise<void> {
    return this.#queue;
  }

  close(): Promise<void> {
    return this.#run(async () => {
      await this.#handle?.close();
      this.#handle = null;
    });
  }

  #run(task: () => Promise<void>): Promise<void> {
    const next = this.#queue.then(task);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #open(): Promise<FileHandle> {
    if (this.#handle) return this.#handle;
    // 'a' creates the file if needed; the damaged tail of an earlier run was cut when it was read.
    const handle = await open(this.#path, 'a', 0o600);
    if ((await handle.stat()).size > this.#size) await handle.truncate(this.#size);
    if (this.#size === 0) await this.#created();
    this.#handle = handle;
    return handle;
  }

  async #flush(): Promise<void> {
    const batch = this.#waiting.splice(0);
    const bytes = Buffer.concat(batch.map((w) => w.record));
    let handle: FileHandle | null = null;
    try {
      handle = await this.#open();
      await handle.writeFile(bytes);
      await handle.datasync();
    } catch (error) {
      // A half-written record would hide every later one: cut back to the last whole record.
      await handle?.truncate(this.#size).catch(() => undefined);
      batch.forEach((w) => w.fail(error));
      return;
    }
    this.#size += bytes.length;
    this.#records.push(...batch.map((w) => w.update));
    batch.forEach((w) => w.done());
  }
}
