import { lazy } from '../core/lazy';
import type { Block } from '../export/blocks';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Blocks as a Word file. The Word library is loaded only now: most people never export to Word,
 *  and every device would otherwise download it on first load. */
export async function docxFile(blocks: readonly Block[], title: string, name: string): Promise<File> {
  const { toDocx } = await lazy(() => import('../export/docx'));
  return new File([await toDocx(blocks, { title })], name, { type: DOCX_TYPE });
}
