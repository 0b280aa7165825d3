/* What fills a message's `{name}` placeholders, shared by the interface's messages and the
 * exports' labels: text as it is, numbers and calendar days as the message's language writes them. */

/** A calendar day (yyyy-mm-dd) given to a message, to be written in words of its language. */
export interface CalendarDay { readonly day: string }
export const calendarDay = (day: string): CalendarDay => ({ day });

export type MessageParams = Record<string, string | number | CalendarDay>;

/** A yyyy-mm-dd date in words of `locale`; the date is a calendar day, so no time zone may shift it. */
export function formatDate(date: string, locale: string): string {
  if (!date) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function paramText(locale: string, value: string | number | CalendarDay): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return formatDate(value.day, locale);
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value);
}
