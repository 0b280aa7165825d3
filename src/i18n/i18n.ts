import { en, type MessageKey, type Messages } from './en';

export type { MessageKey };
export type Locale = 'en';

const catalogs: Record<Locale, Messages> = { en };
let current: Messages = en;
let currentLocale: Locale = 'en';

export function setLocale(locale: Locale): void {
  current = catalogs[locale];
  currentLocale = locale;
  document.documentElement.lang = locale;
}

export const locale = (): Locale => currentLocale;

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** With a numeric `count`, the message's singular form (`<key>.one`) where the language says the
 *  count is singular and the catalogue has one: "1 note", "3 notes". */
function formOf(key: MessageKey, count: unknown): MessageKey {
  if (typeof count !== 'number') return key;
  const one = `${key}.one`;
  if (!(one in en)) return key;
  let rules = pluralRules.get(currentLocale);
  if (!rules) pluralRules.set(currentLocale, (rules = new Intl.PluralRules(currentLocale)));
  return rules.select(count) === 'one' ? (one as MessageKey) : key;
}

/** Looks up a message and fills `{name}` placeholders. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const form = formOf(key, params.count);
  return (current[form] ?? en[form]).replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole);
}

/** A core error code (`'empty'`, `'too-long'` …) as a sentence for the person who caused it. */
export function errorMessage(error: { error: string; detail?: string }): string {
  const key = `err.${error.error}` as MessageKey;
  return key in en ? t(key, { detail: error.detail ?? '' }) : error.error;
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
