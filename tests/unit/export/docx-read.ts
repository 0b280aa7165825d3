/** A .docx as Word opens it: word/document.xml, the text of its runs, and word/styles.xml. */
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

export function readDocx(bytes: ArrayBuffer | Uint8Array): { xml: string; text: string; styles: string } {
  const files = unzipSync(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  expect(Object.keys(files)).toContain('word/document.xml');
  const xml = strFromU8(files['word/document.xml']!);
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&(lt|gt|amp|quot|apos);/g, (e) => ENTITIES[e]!)).join('');
  return { xml, text, styles: strFromU8(files['word/styles.xml']!) };
}

/** The run holding `text` is set in the complex-script font and marked as Khmer. */
export function expectKhmerRun(xml: string, text: string): void {
  const run = xml.split('<w:r>').find((r) => r.includes(text));
  expect(run).toMatch(/<w:rFonts [^>]*w:cs="Khmer UI"/);
  expect(run).toMatch(/<w:lang [^>]*w:bidi="km-KH"/);
}
