import './ui/app.css';
import { lazy } from './core/lazy';

/** The app's code did not come even after the retries: the static shell says so, in both
 *  languages like the rest of it, and offers a reload instead of spinning for good. */
function showLoadFailure() {
  const shown = document.getElementById('load-failed') as HTMLTemplateElement | null;
  const loading = document.querySelector('#app .app-loading');
  if (!shown || !loading) return;
  loading.replaceWith(shown.content.cloneNode(true));
  document.getElementById('load-failed-reload')?.addEventListener('click', () => location.reload());
}

/* index.html's static shell paints first; the app's code, fetched with the page (the build links
 * it as modulepreload), runs after that frame. Run at once, it delayed the first paint on a slow
 * phone by all of its evaluation. */
requestAnimationFrame(() => setTimeout(() => void lazy(() => import('./start')).catch(showLoadFailure)));
