import './ui/app.css';

/* index.html's static shell paints first; the app's code, fetched with the page (the build links
 * it as modulepreload), runs after that frame. Run at once, it delayed the first paint on a slow
 * phone by all of its evaluation. */
requestAnimationFrame(() => setTimeout(() => void import('./start')));
