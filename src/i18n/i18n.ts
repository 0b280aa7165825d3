import type { MessageKey, Messages } from './en';
import { homeMessages } from './en-home';
import { paramText, type MessageParams } from '../core/message-params';
import { lazy } from '../core/lazy';

export type { MessageKey };
export const LOCALES = ['en', 'km'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's name in itself, the same in every catalogue: a person looking for their own
 *  language must recognise it whatever the screen is in now. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', km: 'ខ្មែរ' };

/* English is the fallback. The home screen's words (en-home.ts) are in the first load; the rest
 * (en.ts) is fetched with the first screen that needs them (`withWords`), so the first load
 * carries only what the home screen says. Another language is fetched whole the first time it is
 * needed, so a device pays for the languages it uses only. */
let englishWords: Partial<Messages> = homeMessages;
let allEnglish: Promise<void> | undefined;
const catalogs: Partial<Record<Exclude<Locale, 'en'>, Messages>> = {};
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<Messages>> = { km: () => lazy(() => import('./km')).then((m) => m.km) };
let currentLocale: Locale = 'en';

/** Fetches the English the home screen does not need, once. */
export function loadAllEnglish(): Promise<void> {
  allEnglish ??= lazy(() => import('./en')).then(
    ({ en }) => { englishWords = en; },
    // Not kept: the next screen that needs the words tries again.
    (error: unknown) => { allEnglish = undefined; throw error; },
  );
  return allEnglish;
}

/** A lazily loaded screen or module, once the words it may show are here too. */
export async function withWords<T>(load: () => Promise<T>): Promise<T> {
  const [loaded] = await Promise.all([lazy(load), loadAllEnglish()]);
  return loaded;
}

/** Whether English has this key among the words loaded so far. */
export const hasMessage = (key: string): key is MessageKey => key in englishWords;

export async function loadLocale(locale: Locale): Promise<void> {
  if (locale !== 'en' && !catalogs[locale]) catalogs[locale] = await loaders[locale]();
}

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** The first of the browser's preferred languages (`navigator.languages`) this app speaks. */
export function guessLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (isLocale(primary)) return primary;
  }
  return 'en';
}

export async function setLocale(locale: Locale): Promise<void> {
  await loadLocale(locale);
  currentLocale = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export const locale = (): Locale => currentLocale;

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** With a numeric `count`, the message's singular form (`<key>.one`) where the language says the
 *  count is singular and the catalogue has one: "1 note", "3 notes". */
function formOf(locale: Locale, key: MessageKey, count: unknown): MessageKey {
  if (typeof count !== 'number') return key;
  const one = `${key}.one`;
  if (!hasMessage(one)) return key;
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count) === 'one' ? (one as MessageKey) : key;
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Messages of one locale whatever the interface shows: an export can be in another language.
 *  Load the locale first (`loadLocale`). A key only English has yet falls back to English, and
 *  one whose English is not loaded yet shows as the key. */
export function translator(locale: Locale): Translate {
  const catalog: Partial<Messages> = (locale === 'en' ? undefined : catalogs[locale]) ?? englishWords;
  return (key, params = {}) => {
    const form = formOf(locale, key, params.count);
    return (catalog[form] ?? englishWords[form] ?? form).replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? paramText(locale, params[name]!) : whole);
  };
}

/** Messages in English and Khmer side by side ("Strengths · ចំណុចខ្លាំង"), for an export in
 *  both; load Khmer first. A message that carries words of a person (a title, a name, a reason)
 *  is said once, in English with the labels inside it in both: said twice, those words would be
 *  repeated. */
export function bothTranslator(): Translate {
  const [en, km] = [translator('en'), translator('km')];
  return (key, params = {}) => {
    const english = en(key, params);
    if (Object.values(params).some((value) => typeof value === 'string')) return english;
    const khmer = km(key, params);
    return english === khmer ? english : `${english} · ${khmer}`;
  };
}

/** Looks up a message in the interface's locale and fills `{name}` placeholders. */
export const t: Translate = (key, params) => translator(currentLocale)(key, params);

/** A core error code (`'empty'`, `'too-long'` …) as a sentence for the person who caused it. */
export function errorMessage(error: { error: string; detail?: string }): string {
  const key = `err.${error.error}`;
  return hasMessage(key) ? t(key, { detail: error.detail ?? '' }) : error.error;
}

/** "3 minutes ago" in the current locale. */
export function relativeTime(then: number, now = Date.now()): string {
  const rtf = new Intl.RelativeTimeFormat(currentLocale, { numeric: 'auto' });
  const seconds = Math.round((then - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [['day', 86400], ['hour', 3600], ['minute', 60]];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  return rtf.format(seconds, 'second');
}

/** "4.2 MB" in the current locale, in powers of 1000 as those units mean. */
export function formatBytes(bytes: number): string {
  const units = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let unit: (typeof units)[number] = 'kilobyte';
  let value = bytes / 1000;
  for (let i = 1; i < units.length && value >= 1000; i++) {
    value /= 1000;
    unit = units[i]!;
  }
  return new Intl.NumberFormat(currentLocale, {
    style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
