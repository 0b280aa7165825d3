import { describe, expect, it } from 'vitest';
import { LIMITS, checkText, cleanText } from '../../../src/core/text';

describe('cleanText', () => {
  it('trims surrounding whitespace', () => {
    expect(cleanText('  Clear roles \n')).toBe('Clear roles');
    expect(cleanText('\n\n  Clear roles  \n\n', true)).toBe('Clear roles');
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['BEL', 'a\u0007b'],
    ['ESC', 'a\u001Bb'],
    ['DEL', 'a\u007Fb'],
    ['C1 control', 'a\u0085b'],
    ['left-to-right mark', 'a\u200Eb'],
    ['right-to-left override', 'a\u202Eb'],
    ['right-to-left isolate', 'a\u2067b'],
    ['pop directional isolate', 'a\u2069b'],
  ])('strips %s', (_name, raw) => {
    expect(cleanText(raw)).toBe('ab');
    expect(cleanText(raw, true)).toBe('ab');
  });

  it('strips a bidi override that would disguise a file name', () => {
    expect(cleanText('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
  });

  it('turns tabs into spaces', () => {
    expect(cleanText('Roles\tand\tduties')).toBe('Roles and duties');
    expect(cleanText('a\tb', true)).toBe('a b');
  });

  it('turns CRLF and lone CR into line breaks in multiline text', () => {
    expect(cleanText('one\r\ntwo\rthree', true)).toBe('one\ntwo\nthree');
  });

  it('turns line breaks (of any style) into a space in single-line text', () => {
    expect(cleanText('one\r\ntwo\rthree\nfour')).toBe('one two three four');
    expect(cleanText('one\n\n\ntwo')).toBe('one two');
  });

  it('keeps up to one blank line in multiline text', () => {
    expect(cleanText('one\ntwo', true)).toBe('one\ntwo');
    expect(cleanText('one\n\ntwo', true)).toBe('one\n\ntwo');
    expect(cleanText('one\n\n\n\n\ntwo', true)).toBe('one\n\ntwo');
    expect(cleanText('one\r\n\r\n\r\n\r\ntwo', true)).toBe('one\n\ntwo');
  });

  it('normalises to NFC so the same word typed two ways is the same text', () => {
    expect(cleanText('Cafe\u0301')).toBe('Caf\u00E9');
  });

  it('leaves ordinary text of any script alone', () => {
    for (const s of ['សហគមន៍', 'Gouvernement local', 'مجتمع مدني', '👍🏽 agreed', 'नागरिक समाज']) {
      expect(cleanText(s)).toBe(s.normalize('NFC'));
    }
  });

  it('gives an empty string for whitespace and control characters only', () => {
    expect(cleanText(' \t\u0000\u202E\r\n ')).toBe('');
  });
});

describe('checkText', () => {
  it('returns the cleaned text', () => {
    expect(checkText('  Shared\tdata \u0007', 'note')).toEqual({ ok: true, value: 'Shared data' });
  });

  it('rejects empty and whitespace-only text as empty', () => {
    for (const raw of ['', '   ', '\n\t', '\u0000\u202E']) {
      expect(checkText(raw, 'title')).toMatchObject({ ok: false, error: 'empty' });
    }
  });

  it('accepts empty text for an optional field', () => {
    expect(checkText('  ', 'place', { optional: true })).toEqual({ ok: true, value: '' });
  });

  it('keeps line breaks only when multiline', () => {
    expect(checkText('a\nb', 'note', { multiline: true })).toEqual({ ok: true, value: 'a\nb' });
    expect(checkText('a\nb', 'title')).toEqual({ ok: true, value: 'a b' });
  });

  it('accepts text exactly at the cap and rejects one more with the count in detail', () => {
    expect(checkText('x'.repeat(LIMITS.title), 'title')).toEqual({ ok: true, value: 'x'.repeat(120) });
    expect(checkText('x'.repeat(LIMITS.title + 1), 'title')).toEqual({ ok: false, error: 'too-long', detail: '121 > 120' });
    expect(checkText('x'.repeat(501), 'note')).toEqual({ ok: false, error: 'too-long', detail: '501 > 500' });
  });

  it('measures the cap after cleaning, so stripped characters do not count', () => {
    const raw = `  ${'x'.repeat(120)}\u0000\u0000  `;
    expect(checkText(raw, 'title')).toEqual({ ok: true, value: 'x'.repeat(120) });
  });

  it('counts Khmer in code points', () => {
    const khmer = 'ក'.repeat(60) + 'ស'.repeat(60); // 120 code points
    expect(checkText(khmer, 'title')).toEqual({ ok: true, value: khmer });
    expect(checkText(`${khmer}ក`, 'title')).toMatchObject({ ok: false, error: 'too-long', detail: '121 > 120' });
  });

  it('counts an emoji as one, not as its two UTF-16 units', () => {
    const emoji = '😀'.repeat(120);
    expect(emoji.length).toBe(240);
    expect(checkText(emoji, 'title')).toEqual({ ok: true, value: emoji });
    expect(checkText(`${emoji}😀`, 'title')).toMatchObject({ ok: false, error: 'too-long', detail: '121 > 120' });
  });

  it.each(Object.entries(LIMITS))('caps %s at %i code points', (field, cap) => {
    const f = field as keyof typeof LIMITS;
    expect(checkText('a'.repeat(cap), f).ok).toBe(true);
    expect(checkText('a'.repeat(cap + 1), f)).toEqual({ ok: false, error: 'too-long', detail: `${cap + 1} > ${cap}` });
  });
});
