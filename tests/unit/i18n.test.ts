import { describe, expect, it } from 'vitest';
import { BOARD_TYPES } from '../../src/core/board-kinds';
import { PRINCIPLES } from '../../src/core/ground-rules';
import type { BackupError } from '../../src/export/backup';
import { LABEL_KEYS } from '../../src/export/labels';
import { en } from '../../src/i18n/en';
import { calendarDay } from '../../src/core/message-params';
import { loadLocale, t, translator } from '../../src/i18n/i18n';

/* Core returns keys, the interface says the words: every key core hands out must have words. */
describe('English messages', () => {
  it('word every partnering principle core suggests', () => {
    for (const p of PRINCIPLES) expect(en, p).toHaveProperty([`principle.${p}`]);
  });

  it('word every label the summary and CSV use', () => {
    expect(LABEL_KEYS.filter((key) => !(key in en))).toEqual([]);
  });

  it('explain every way a backup import can fail', () => {
    const errors: Record<BackupError, true> = {
      'not-backup': true, 'unknown-version': true, checksum: true, truncated: true, 'too-large': true, 'corrupt-update': true,
    };
    expect(Object.keys(errors).filter((code) => !(`err.${code}` in en))).toEqual([]);
  });

  it('name and count every kind of board', () => {
    const keys = BOARD_TYPES.flatMap((kind) => [`board.kind.${kind}`, `board.count.${kind}`, `board.count.${kind}.one`]);
    expect(keys.filter((key) => !(key in en))).toEqual([]);
  });

  it('have no empty message', () => {
    expect(Object.entries(en).filter(([, text]) => !text.trim())).toEqual([]);
  });
});

describe('counts', () => {
  it('say one in the singular and any other number in the plural', () => {
    expect([0, 1, 2].map((count) => t('board.count.notes', { count }))).toEqual(['0 notes', '1 note', '2 notes']);
    expect(t('board.count.stakeholders', { count: 1 })).toBe('1 stakeholder');
  });
});

describe('numbers and days in messages', () => {
  it('are written as the message\'s language writes them', async () => {
    await loadLocale('km');
    expect(t('board.count.notes', { count: 2500 })).toBe('2,500 notes');
    expect(t('resources.quantity', { amount: 20000.5, unit: 'USD' })).toBe('20,000.5 USD');
    expect(t('resources.pledge.byDate', { date: calendarDay('2026-06-30') })).toBe('by June 30, 2026');
    expect(translator('km')('resources.pledge.byDate', { date: calendarDay('2026-06-30') })).toBe('ត្រឹម 30 មិថុនា 2026');
  });
});
