/**
 * A minimal PDF writer for tests and benchmarks: pages of typewritten lines (Courier, the
 * way memcons were typed) with black redaction boxes, or pages that are one JPEG image (a
 * scan). Enough for poppler and Ghostscript to read; nothing from ../shared is stored.
 */

export const PAGE = { width: 612, height: 792 } as const;
const FONT_SIZE = 10;
/** Courier advances every glyph by 0.6 em. */
export const CHAR_WIDTH = FONT_SIZE * 0.6;
export const LINE_HEIGHT = 12;
export const MARGIN = { left: 72, top: 60 } as const;

/** Stands for a redaction box in a text line: drawn as a filled rectangle, never as text. */
export const BOX_CHAR = '\u2588';

export type PdfPage = { kind: 'text'; lines: string[] } | { kind: 'jpeg'; data: Buffer; width: number; height: number };

/** Unicode punctuation that WinAnsiEncoding has, at its WinAnsi byte. */
const WIN_ANSI: Record<string, number> = {
  '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '…': 0x85,
};

function pdfString(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    const code = WIN_ANSI[char] ?? char.codePointAt(0)!;
    const byte = code <= 0xff ? code : 0x3f; // '?' for what Courier/WinAnsi cannot show
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) bytes.push(0x5c);
    bytes.push(byte);
  }
  return Buffer.from(bytes);
}

function textPageContent(lines: string[]): Buffer {
  const parts: Buffer[] = [];
  const boxes: string[] = [];
  parts.push(Buffer.from(`BT /F1 ${FONT_SIZE} Tf ${LINE_HEIGHT} TL ${MARGIN.left} ${PAGE.height - MARGIN.top} Td\n`));
  for (const [row, line] of lines.entries()) {
    for (const match of line.matchAll(/\u2588+/g)) {
      const x = MARGIN.left + match.index * CHAR_WIDTH;
      const y = PAGE.height - MARGIN.top - row * LINE_HEIGHT - 3;
      boxes.push(`${x.toFixed(1)} ${y} ${(match[0].length * CHAR_WIDTH).toFixed(1)} ${LINE_HEIGHT} re f`);
    }
    parts.push(Buffer.from('('), pdfString(line.replace(/\u2588/g, ' ')), Buffer.from(') Tj T*\n'));
  }
  parts.push(Buffer.from(`ET\n${boxes.join('\n')}\n`));
  return Buffer.concat(parts);
}

export function writePdf(pages: PdfPage[]): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body) ;
  const stream = (dict: string, data: Buffer) =>
    Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);
  // 1 catalog, 2 pages, 3 font; then per page: page, content (and image).
  const kids: number[] = [];
  let next = 4;
  const pageObjects: (() => void)[] = [];
  for (const page of pages) {
    const pageId = next++;
    const contentId = next++;
    const imageId = page.kind === 'jpeg' ? next++ : undefined;
    kids.push(pageId);
    pageObjects.push(() => {
      const resources = imageId ? `/XObject << /Im1 ${imageId} 0 R >>` : '/Font << /F1 3 0 R >>';
      add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << ${resources} >> /Contents ${contentId} 0 R >>`);
      if (page.kind === 'text') add(stream('', textPageContent(page.lines)));
      else {
        add(stream('', Buffer.from(`q ${PAGE.width} 0 0 ${PAGE.height} 0 0 cm /Im1 Do Q`)));
        add(stream(`/Type /XObject /Subtype /Image /Width ${page.width} /Height ${page.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode`, page.data));
      }
    });
  }
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${kids.map((id) => `${id} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>');
  for (const write of pageObjects) write();
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  for (const [index, body] of objects.entries()) {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    chunks.push(chunk);
    offset += chunk.length;
  }
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(chunks);
}
