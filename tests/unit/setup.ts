import { loadAllEnglish } from '../../src/i18n/i18n';

/* The app fetches the English beyond the home screen's with the screen that shows it; the units
 * under test read any message, as such a screen does. */
await loadAllEnglish();
