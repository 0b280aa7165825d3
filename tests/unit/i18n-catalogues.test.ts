import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { guessLocale, loadLocale, translator } from '../../src/i18n/i18n';
import { km } from '../../src/i18n/km';

const placeholders = (text: string): string[] => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

/* Other branches add English messages; whoever merges them translates them. These lists say
 * exactly which keys to write. */
describe('the Khmer catalogue', () => {
  const english = en as Record<string, string>;
  const khmer = km as Record<string, string>;

  it('has every English key', () => {
    const missing = Object.keys(english).filter((key) => !(key in khmer));
    expect(missing, `keys missing from src/i18n/km*.ts:\n${missing.join('\n')}`).toEqual([]);
  });

  it('has no key English lacks', () => {
    const extra = Object.keys(khmer).filter((key) => !(key in english));
    expect(extra, `keys in src/i18n/km*.ts that src/i18n/en*.ts lacks:\n${extra.join('\n')}`).toEqual([]);
  });

  it('uses the same placeholders as English in every message', () => {
    const differ = Object.keys(english).filter((key) => key in khmer)
      .filter((key) => placeholders(english[key]!).join() !== placeholders(khmer[key]!).join())
      .map((key) => `${key}: en ${placeholders(english[key]!).join(' ')} / km ${placeholders(khmer[key]!).join(' ')}`);
    expect(differ, `placeholders differ:\n${differ.join('\n')}`).toEqual([]);
  });

  it('has no empty message', () => {
    expect(Object.entries(khmer).filter(([, text]) => !text.trim()).map(([key]) => key)).toEqual([]);
  });

  it('fills placeholders and needs no singular form', async () => {
    await loadLocale('km');
    const say = translator('km');
    expect(say('board.count.notes', { count: 1 })).toBe('កំណត់ចំណាំ 1');
    expect(say('board.count.notes', { count: 3 })).toBe('កំណត់ចំណាំ 3');
  });
});

describe('guessing the locale', () => {
  it('takes the first of the browser languages the app speaks', () => {
    expect(guessLocale(['km-KH', 'en-US'])).toBe('km');
    expect(guessLocale(['fr-FR', 'km'])).toBe('km');
    expect(guessLocale(['en-GB', 'km'])).toBe('en');
    expect(guessLocale(['fr', 'th'])).toBe('en');
    expect(guessLocale([])).toBe('en');
  });
});
