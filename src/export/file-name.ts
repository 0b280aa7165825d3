/** `<title>-YYYY-MM-DD.<extension>`: letters of any script kept (a Khmer title stays readable),
 *  everything else a dash, at most 60 characters of title, `workshop` when nothing usable is left. */
export function exportFileName(title: string, date: Date, extension: string): string {
  const slug = [...title.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')]
    .slice(0, 60).join('').replace(/-+$/, '') || 'workshop';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${slug}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${extension}`;
}
