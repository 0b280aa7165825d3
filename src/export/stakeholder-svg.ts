import { LEVEL_COLORS } from '../core/palette';
import { escapeHtml as h } from './escape-html';
import type { LabelKey, Labels } from './labels';
import type { StakeholdersSection } from './kinds/stakeholders';

/* The influence × interest grid as static SVG, laid out as the board shows it: interest grows to
 * the right, influence upwards; each stakeholder sits at the mean of everyone's estimates, its
 * box spans the lowest to the highest estimates, and the number on it is how many placed it. */

const LEFT = 34;
const TOP = 8;
const SIZE = 400;
const WIDTH = LEFT + SIZE + 8;
const HEIGHT = TOP + SIZE + 30;

/** Coordinates rounded to a tenth keep the file small and the output stable across platforms. */
const r1 = (v: number) => Math.round(v * 10) / 10;
const x = (interest: number) => r1(LEFT + interest * SIZE);
const y = (influence: number) => r1(TOP + (1 - influence) * SIZE);

export function stakeholderSvg(section: StakeholdersSection, t: Labels): string {
  const placed = section.stakeholders.flatMap((s) => (s.position && s.spread ? [{ ...s, position: s.position, spread: s.spread }] : []));
  const mid = { x: x(0.5), y: y(0.5) };
  const quadrant = (key: LabelKey, qx: number, qy: number, anchor: 'start' | 'end') =>
    `<text class="quadrant" x="${qx}" y="${qy}" text-anchor="${anchor}">${h(t(key))}</text>`;
  // A box only where people disagree: one estimate, or identical ones, has no spread to show.
  const boxes = placed.filter((s) => s.spread.influence.max > s.spread.influence.min || s.spread.interest.max > s.spread.interest.min).map((s) => {
    const { influence, interest } = s.spread;
    return `<rect x="${x(interest.min)}" y="${y(influence.max)}" width="${r1((interest.max - interest.min) * SIZE)}" `
      + `height="${r1((influence.max - influence.min) * SIZE)}" fill="${LEVEL_COLORS[s.level]}" fill-opacity="0.15" `
      + `stroke="${LEVEL_COLORS[s.level]}" stroke-opacity="0.5"/>`;
  });
  const lines = section.relationships.flatMap((rel) => {
    const from = section.stakeholders[rel.from]?.position;
    const to = section.stakeholders[rel.to]?.position;
    if (!from || !to) return [];
    return [`<line x1="${x(from.interest)}" y1="${y(from.influence)}" x2="${x(to.interest)}" y2="${y(to.influence)}" `
      + 'stroke="#4a5560" stroke-dasharray="4 3"/>'];
  });
  const markers = placed.map((s) => {
    const cx = x(s.position.interest);
    const cy = y(s.position.influence);
    // Labels point inwards, so those on the right half stay inside the grid.
    const right = s.position.interest > 0.5;
    return `<g><circle cx="${cx}" cy="${cy}" r="9" fill="${LEVEL_COLORS[s.level]}"/>`
      + `<text x="${cx}" y="${r1(cy + 4)}" text-anchor="middle" class="count">${s.estimates}</text>`
      + `<text x="${r1(right ? cx - 13 : cx + 13)}" y="${r1(cy + 4)}" text-anchor="${right ? 'end' : 'start'}">${h(s.name)}</text></g>`;
  });
  const label = t('stakeholders.map.label');
  return [
    `<svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${h(label)}">`,
    `<title>${h(label)}</title>`,
    `<rect x="${LEFT}" y="${TOP}" width="${SIZE}" height="${SIZE}" fill="#fff" stroke="#8a949e"/>`,
    `<line x1="${mid.x}" y1="${TOP}" x2="${mid.x}" y2="${TOP + SIZE}" stroke="#c9d0d6"/>`,
    `<line x1="${LEFT}" y1="${mid.y}" x2="${LEFT + SIZE}" y2="${mid.y}" stroke="#c9d0d6"/>`,
    quadrant('stakeholders.quadrant.satisfied', LEFT + 6, TOP + 14, 'start'),
    quadrant('stakeholders.quadrant.closely', LEFT + SIZE - 6, TOP + 14, 'end'),
    quadrant('stakeholders.quadrant.monitor', LEFT + 6, TOP + SIZE - 6, 'start'),
    quadrant('stakeholders.quadrant.informed', LEFT + SIZE - 6, TOP + SIZE - 6, 'end'),
    ...boxes, ...lines, ...markers,
    `<text x="${mid.x}" y="${HEIGHT - 8}" text-anchor="middle">${h(t('stakeholders.axis.interest'))} →</text>`,
    `<text transform="translate(14 ${mid.y}) rotate(-90)" text-anchor="middle">${h(t('stakeholders.axis.influence'))} →</text>`,
    '</svg>',
    `<p class="by">${h(t('export.map.help'))}</p>`,
  ].join('');
}
