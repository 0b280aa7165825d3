import {
  AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, ShadingType, Table, TableCell, TableRow,
  TextRun, WidthType, type IRunOptions,
} from 'docx';
import type { Block, Cell, Line } from './blocks';

/* Any summary made of blocks as a Word document (.docx). This module carries the `docx` library,
 * so the app imports it only when someone exports to Word. */

export interface DocxOptions {
  /** The document's title, in its properties. */
  title: string;
}

const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/;
const LATIN_FONT = 'Calibri';
/** Word sets Khmer in the complex-script font (`w:cs`); Khmer UI ships with Windows, so a
 *  summary opens right on a machine without Khmer OS. */
const KHMER_FONT = 'Khmer UI';
const FONTS = { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: KHMER_FONT } as const;
const ORDERED = 'ordered';

/** A run, marked as Khmer where it holds Khmer so Word picks the font, language and bold that
 *  complex scripts use (`w:bCs`, not `w:b`). */
function textRun(part: Line[number]): TextRun {
  const { text, bold = false, italic = false } = typeof part === 'string' ? { text: part } : part;
  const khmer: IRunOptions = KHMER.test(text) ? { font: FONTS, language: { value: 'en-US', bidirectional: 'km-KH' } } : {};
  return new TextRun({ text, bold, boldComplexScript: bold, italics: italic, italicsComplexScript: italic, ...khmer });
}

const lineParagraph = (line: Line, options: { shaded?: boolean } = {}) =>
  new Paragraph({ children: line.map(textRun), ...(options.shaded ? { style: 'TableHeading' } : {}) });

const tableCell = (cell: Cell, header = false) => new TableCell({
  children: (cell.length > 0 ? cell : [[]]).map((line) => lineParagraph(line, { shaded: header })),
  ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E7ECEF', color: 'auto' } } : {}),
});

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

function render(blocks: readonly Block[]): (Paragraph | Table)[] {
  let lists = 0;
  return blocks.flatMap((block): (Paragraph | Table)[] => {
    switch (block.type) {
      case 'heading':
        return [new Paragraph({ heading: HEADINGS[block.level - 1], children: [textRun(block.text)] })];
      case 'paragraph':
        return [new Paragraph({ children: block.line.map(textRun), ...(block.quote ? { style: 'Quote' } : {}) })];
      case 'list': {
        // Each ordered list is its own numbering instance, so it starts again at 1.
        const instance = ++lists;
        return block.items.map((item) => new Paragraph({
          children: item.map(textRun),
          ...(block.ordered ? { numbering: { reference: ORDERED, level: 0, instance } } : { bullet: { level: 0 } }),
        }));
      }
      case 'table':
        return [new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            ...(block.header ? [new TableRow({ tableHeader: true, children: block.header.map((text) => tableCell([[text]], true)) })] : []),
            ...block.rows.map((row) => new TableRow({ children: row.map((cell) => tableCell(cell)) })),
          ],
        }), new Paragraph({})];
    }
  });
}

const headingStyle = (size: number) => ({ run: { size, sizeComplexScript: size, bold: true, boldComplexScript: true, font: FONTS, color: '1D4E5F' } });

/** The blocks as a .docx file's bytes. */
export function toDocx(blocks: readonly Block[], options: DocxOptions): Promise<ArrayBuffer> {
  const doc = new Document({
    title: options.title,
    creator: 'Common Ground',
    styles: {
      default: {
        document: { run: { font: FONTS, size: 22, sizeComplexScript: 22 } },
        heading1: headingStyle(36), heading2: headingStyle(28), heading3: headingStyle(24), heading4: headingStyle(22),
      },
      paragraphStyles: [
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', paragraph: { indent: { left: 567 } }, run: { italics: true, italicsComplexScript: true } },
        { id: 'TableHeading', name: 'Table Heading', basedOn: 'Normal', run: { bold: true, boldComplexScript: true } },
      ],
    },
    numbering: {
      config: [{
        reference: ORDERED,
        levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START,
          style: { paragraph: { indent: { left: 567, hanging: 340 } } } }],
      }],
    },
    sections: [{ children: render(blocks) }],
  });
  return Packer.toArrayBuffer(doc);
}
