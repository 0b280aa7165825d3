import { fromBase64, toBase64 } from 'lib0/buffer';
import { describe, expect, it } from 'vitest';

// Backups written before lib0 took over the codec used btoa's standard alphabet with padding;
// these bytes cover '+', '/' and '=' so a switch to the url-safe variant would show here.
const OLD_TEXT = 'AAEC+vv/Pj8=';
const BYTES = [0, 1, 2, 250, 251, 255, 62, 63];

describe('backup base64', () => {
  it('encodes exactly as backups always did', () => {
    expect(toBase64(new Uint8Array(BYTES))).toBe(OLD_TEXT);
  });
  it('decodes text written by the old codec', () => {
    expect([...fromBase64(OLD_TEXT)]).toEqual(BYTES);
  });
});
