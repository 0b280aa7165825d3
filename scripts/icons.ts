// Draws the app icon (two overlapping circles: the common ground between partners) and renders
// the PNGs the manifest and iOS need. Run once after changing the drawing:
//   node --import tsx scripts/icons.ts
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch } from '../tests/e2e/harness';

const ACCENT = '#1d4e5f';
const OVERLAP = '#f2b134';

/** The circles on a 512 square. `scale` 1 keeps them inside the maskable safe zone (a circle of
 *  radius 40% around the centre: the farthest point is 190 from the centre, the limit 204). */
function drawing(scale: number): string {
  const r = Math.round(120 * scale);
  const dx = Math.round(56 * scale);
  const stroke = Math.round(28 * scale);
  const left = `cx="${256 - dx}" cy="256" r="${r}"`;
  const right = `cx="${256 + dx}" cy="256" r="${r}"`;
  return `<defs><clipPath id="l"><circle ${left}/></clipPath></defs>`
    + `<circle ${right} fill="${OVERLAP}" clip-path="url(#l)"/>`
    + `<g fill="none" stroke="#fff" stroke-width="${stroke}"><circle ${left}/><circle ${right}/></g>`;
}

const svg = (background: string, scale: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">${background}${drawing(scale)}</svg>`;

/** Rounded, with transparent corners: for tabs, launchers that do not mask, and the favicon. */
const any = svg(`<rect width="512" height="512" rx="112" fill="${ACCENT}"/>`, 1.1);
/** Full bleed: Android masks it to its own shape; iOS rounds the touch icon itself. */
const fullBleed = svg(`<rect width="512" height="512" fill="${ACCENT}"/>`, 1);

const publicDir = resolve(import.meta.dirname, '../public');
writeFileSync(resolve(publicDir, 'favicon.svg'), `${any}\n`);

const browser = await launch();
const page = await browser.newPage();
for (const [file, source, size] of [
  ['icon-192.png', any, 192], ['icon-512.png', any, 512],
  ['maskable-192.png', fullBleed, 192], ['maskable-512.png', fullBleed, 512],
  ['apple-touch-icon.png', fullBleed, 180],
] as const) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>`
    + `<img width="${size}" height="${size}" src="data:image/svg+xml,${encodeURIComponent(source)}">`);
  await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  await page.screenshot({ path: resolve(publicDir, file), omitBackground: true });
}
await browser.close();
console.log(`icons written to ${publicDir}`);
