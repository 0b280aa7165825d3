import { createHash } from 'node:crypto';
import { chmod, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as Y from 'yjs';
import { describeError, type Log } from './log';

/** A room's snapshot (the whole document state) and its journal (updates since the snapshot). */
export const SNAPSHOT = '.state';
export const JOURNAL = '.journal';
export const TEMP = '.tmp';

/** Files are named by a hash of the room name: lower-case hex, so no two rooms share a file on a
 *  case-insensitive file system, no name is a device name (`CON`, `NUL`, `COM1` on Windows), and
 *  a directory listing shows no workshop id. */
export const fileBase = (room: string): string => createHash('sha256').update(room).digest('hex');

/** Before rooms were hashed, a file was the room name with capitals spelled `+a`, then `.yjs`. */
const LEGACY = /^([\w+-]+)\.yjs((?:\.broken-\d+)?)$/;
const legacyRoom = (name: string) => name.replace(/\+([a-z])/g, (_, c: string) => c.toUpperCase());

/** Makes a name just written (a new file, a rename) survive a power cut too. Windows cannot open
 *  a directory for this, and does not need to. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // EISDIR/EPERM where directories cannot be flushed: nothing more to do there.
  } finally {
    await handle.close();
  }
}

let tempCounter = 0;

/** Replaces `file` with `bytes` so that a crash or power cut at any moment leaves either the old
 *  file or the new one whole: the bytes go to a temp file, reach the disk, and only then take the
 *  file's name. */
export async function writeDurably(file: string, bytes: Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.${++tempCounter}${TEMP}`;
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDir(dirname(file));
}

/** Creates the data directory, or tightens an existing one: only the hub's user may read the
 *  workshops (0700, files 0600). Removes temp files a killed hub left half written, and renames
 *  files named the old way, merging into the hashed file if both exist, so nothing is lost. */
export async function prepareDataDir(dir: string, log: Log): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  let migrated = 0;
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    if (name.endsWith(TEMP)) {
      await rm(path, { force: true });
      continue;
    }
    const legacy = LEGACY.exec(name);
    if (legacy) {
      await migrate(dir, path, `${fileBase(legacyRoom(legacy[1]!))}${SNAPSHOT}${legacy[2]}`, log);
      migrated++;
      continue;
    }
    await chmod(path, 0o600);
  }
  if (migrated > 0) {
    await syncDir(dir);
    log('data-migrated', `${migrated} room file(s) in ${dir} renamed to hashed names`);
  }
}

async function migrate(dir: string, from: string, name: string, log: Log): Promise<void> {
  const to = join(dir, name);
  await chmod(from, 0o600);
  const existing = await readFile(to).catch(() => null);
  if (!existing) {
    await rename(from, to);
    return;
  }
  try {
    // Both exist only if files were copied in by hand: a Yjs merge keeps both sides.
    await writeDurably(to, Y.mergeUpdates([existing, await readFile(from)]));
    await rm(from);
  } catch (error) {
    const aside = `${to}.unmerged-${Date.now()}`;
    await rename(from, aside);
    log('data-migrated', `${from} could not be merged into ${to} (${describeError(error)}); kept as ${aside}`);
  }
}
