import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { canonicalJson, fromBase64url, isJson, toBase64url } from '../../../../src/core/facilitation/encoding';
import { facilitatorId, newFacilitatorKeys, parseFacilitatorId } from '../../../../src/core/facilitation/keys';
import { readRecord, signRecord } from '../../../../src/core/facilitation/signature';

describe('base64url', () => {
  it('round-trips every length and matches Node', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = crypto.getRandomValues(new Uint8Array(n));
      const text = toBase64url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64url(text)).toEqual(bytes);
    }
  });

  it('keeps the spelling of keys and signatures made before lib0 encoded them, so they still verify', () => {
    // Made with the hand-written codec this replaced: a fixed secret, so Ed25519 signs alike.
    const secret = 'AwoRGB8mLTQ7QklQV15lbHN6gYiPlp2kq7K5wMfO1dw';
    const signer = 'dVxMuSVsp83ErP3Gz-7ahJAX5bn5UU6ZGRvWfgsNQnY';
    const record = {
      kind: 'step', target: 's1', value: { boardId: 'b', title: 'Welcome', minutes: 10, order: 1 }, seq: 3, signer,
      sig: 'TDCB_65SRWmLrwMGMhvUE0aVHo644AWTeSat7BCB3oHcCdXI1zKd_yVJO77V9iqo_7FqLUQ1lU0jBAm5qxBZBg',
    };
    const secretBytes = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 3);
    expect(toBase64url(secretBytes)).toBe(secret);
    expect(toBase64url(ed25519.getPublicKey(secretBytes))).toBe(signer);
    expect(readRecord('ROOT', record)).toEqual(record);
    const { sig: _, ...body } = record;
    expect(signRecord('ROOT', secret, body)).toEqual(record);
  });

  it.each([['a'], ['ab=c'], ['a+b/'], ['A'.repeat(42) + 'B']])('refuses %s, which is not a canonical encoding', (text) => {
    expect(fromBase64url(text)).toBeUndefined();
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level, so key order never changes a signature', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: null, y: 'x' }], c: true } }))
      .toBe(canonicalJson({ a: { c: true, d: [1, { y: 'x', z: null }] }, b: 1 }));
    expect(canonicalJson({ b: 1, a: 'é' })).toBe('{"a":"é","b":1}');
  });

  it('tells JSON from what a peer might have stored instead', () => {
    expect(isJson({ a: [1, 'x', null, { b: false }] })).toBe(true);
    expect(isJson({ a: Number.NaN })).toBe(false);
    expect(isJson(new Uint8Array(2))).toBe(false);
    expect(isJson(undefined)).toBe(false);
  });
});

describe('facilitator ids', () => {
  it('carry both public keys in 87 URL-safe characters', () => {
    const keys = newFacilitatorKeys();
    const id = facilitatorId(keys);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/);
    expect(parseFacilitatorId(id)).toEqual({ signing: keys.signing.public, sealing: keys.sealing.public });
    expect(facilitatorId(parseFacilitatorId(id)!)).toBe(id);
    expect(encodeURIComponent(id)).toBe(id);
  });

  it.each(['', 'abc', 'a.b', `${'A'.repeat(43)}.${'A'.repeat(42)}`, `${'A'.repeat(43)}.${'A'.repeat(43)}.x`])('refuses %j', (id) => {
    expect(parseFacilitatorId(id)).toBeUndefined();
  });

  it('keeps secrets apart from public keys', () => {
    const keys = newFacilitatorKeys();
    expect(facilitatorId(keys)).not.toContain(keys.signing.secret);
    expect(facilitatorId(keys)).not.toContain(keys.sealing.secret);
  });
});
