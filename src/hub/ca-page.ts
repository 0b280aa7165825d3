import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderSVG } from 'uqr';
import { hubCaMessages } from '../i18n/en-hub-ca';
import { guessLocale, isLocale, LOCALE_NAMES, LOCALES, type Locale } from '../i18n/i18n';
import { hubCaMessagesKm } from '../i18n/km-hub-ca';
import type { LocalTls } from './certificates';

/** Where phones find the page and the certificate: short enough to type off a projector. */
export const CA_PAGE = '/ca';
export const CA_FILE_PATH = '/ca.crt';
/** The name the phone saves the download under; the Android steps name it. */
const CA_FILE_NAME = 'common-ground-hub.crt';

type Key = keyof typeof hubCaMessages;
const CATALOGS: Record<Locale, Record<Key, string>> = { en: hubCaMessages, km: hubCaMessagesKm };

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page's language: the one asked for in `?lang=`, else the browser's first that we speak. */
function pageLocale(url: URL, acceptLanguage: string | undefined): Locale {
  const asked = url.searchParams.get('lang');
  if (isLocale(asked)) return asked;
  return guessLocale((acceptLanguage ?? '').split(',').map((tag) => tag.split(';')[0]!.trim()));
}

/** The page that walks a person through installing the hub's certificate authority: a QR code of
 *  itself for the laptop's screen, the download, and the steps for Android and iPhone. No script:
 *  the hub's policy allows none inline, and the page must work before the app is trusted. */
export function caPage(locale: Locale, pageUrl: string, caName: string): string {
  const catalog = CATALOGS[locale];
  const say = (key: Key, params: Record<string, string> = {}) =>
    escape(catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole));
  const steps = (prefix: 'ca.android' | 'ca.iphone') =>
    `<h2>${say(prefix)}</h2><ol>${([1, 2, 3, 4] as const).map((n) => `<li>${say(`${prefix}.${n}`, { file: CA_FILE_NAME, name: caName })}</li>`).join('')}</ol>`;
  const languages = LOCALES.map((l) => l === locale ? `<strong>${LOCALE_NAMES[l]}</strong>` : `<a href="${CA_PAGE}?lang=${l}" lang="${l}">${LOCALE_NAMES[l]}</a>`).join(' · ');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${say('ca.title')}</title>
<style>
  body { font: 1rem/1.5 system-ui, sans-serif; max-width: 40rem; margin: 0 auto; padding: 1rem; color: #1b1b1b; }
  .qr { width: min(70vw, 16rem); margin: .5rem auto; }
  .qr svg { width: 100%; height: auto; }
  .url { font-family: ui-monospace, monospace; overflow-wrap: anywhere; text-align: center; }
  .download { display: block; text-align: center; padding: .75rem 1rem; min-height: 44px; box-sizing: border-box;
    background: #1d5c4d; color: #fff; border-radius: .5rem; text-decoration: none; font-weight: 600; }
  nav { text-align: right; }
  nav a, p > a { display: inline-block; min-height: 44px; line-height: 44px; }
  li { margin-bottom: .4rem; }
</style>
</head>
<body>
<nav>${languages}</nav>
<h1>${say('ca.title')}</h1>
<p>${say('ca.intro')}</p>
<div class="qr" role="img" aria-label="${escape(pageUrl)}">${renderSVG(pageUrl, { border: 2 })}</div>
<p class="url">${escape(pageUrl)}</p>
<p>${say('ca.scan')}</p>
<p>${say('ca.warning')}</p>
<a class="download" href="${CA_FILE_PATH}" download="${CA_FILE_NAME}">${say('ca.download')}</a>
${steps('ca.android')}
${steps('ca.iphone')}
<p>${say('ca.after')}</p>
<p><a href="/">${say('ca.open')}</a></p>
</body>
</html>
`;
}

/** Answers /ca and /ca.crt, and says whether it did. `pageUrl` is the page's address for phones:
 *  a LAN address, even when the laptop opened it as localhost. */
export function caRoutes(ca: LocalTls['ca'], pageUrl: (req: IncomingMessage) => string) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'https://hub.invalid');
    if (url.pathname === CA_FILE_PATH) {
      // The type that makes Android offer its certificate installer and iOS its profile download.
      res.writeHead(200, {
        'Content-Type': 'application/x-x509-ca-cert',
        'Content-Length': ca.der.byteLength,
        'Content-Disposition': `attachment; filename="${CA_FILE_NAME}"`,
        'Cache-Control': 'no-cache',
      }).end(req.method === 'HEAD' ? undefined : ca.der);
      return true;
    }
    if (url.pathname !== CA_PAGE && url.pathname !== `${CA_PAGE}/`) return false;
    const body = caPage(pageLocale(url, req.headers['accept-language']), pageUrl(req), ca.name);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' })
      .end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
