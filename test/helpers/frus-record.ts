/**
 * A FRUS document from ../shared as the plain facts a typist would put on paper: heading,
 * dateline, participants (with their side headings) and body paragraphs, notes and page
 * breaks left out. Test and bench input only: the text is read at run time, never stored.
 */
import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';

export interface FrusRecord {
  id: string;
  heading: string;
  place?: string;
  dateText?: string;
  /** ISO start of the dateline's date. */
  date?: string;
  /** Participant lines grouped by side heading ('' when the list has no sides). */
  sides: { heading: string; entries: string[] }[];
  paragraphs: string[];
}

const SPACES = /\s+/g;

/** Every document div of a FRUS TEI file, read with a streaming parser. */
export function readFrusRecords(path: string): FrusRecord[] {
  const parser = new SaxesParser({ xmlns: false });
  const records: FrusRecord[] = [];
  const stack: string[] = [];
  let record: FrusRecord | undefined;
  let buffer: string | undefined;
  let noteDepth = 0;
  let listDepth = 0;
  let where: 'head' | 'dateline' | 'p' | 'item' | 'listhead' | undefined;
  const flush = () => (buffer ?? '').replace(SPACES, ' ').trim();
  parser.on('opentag', (tag) => {
    stack.push(tag.name);
    const attributes = tag.attributes as Record<string, string>;
    if (tag.name === 'div' && attributes.type === 'document') {
      record = { id: attributes['xml:id'] ?? '', heading: '', sides: [], paragraphs: [] };
      return;
    }
    if (!record) return;
    if (tag.name === 'note') noteDepth++;
    if (noteDepth > 0) return;
    if (tag.name === 'date' && where === 'dateline') record.date = (attributes.when ?? attributes.from ?? '').slice(0, 10) || undefined;
    if (tag.name === 'list' && attributes.type === 'participants') listDepth = 1;
    else if (tag.name === 'list' && listDepth > 0) listDepth++;
    const start = (kind: typeof where) => {
      where = kind;
      buffer = '';
    };
    if (tag.name === 'head' && stack.at(-2) === 'div') start('head');
    else if (tag.name === 'dateline') start('dateline');
    else if (tag.name === 'head' && listDepth > 1) start('listhead');
    else if (tag.name === 'item' && listDepth > 0 && where !== 'item') start('item');
    else if (tag.name === 'p' && listDepth === 0) start('p');
  });
  parser.on('text', (text) => {
    if (record && noteDepth === 0 && buffer !== undefined) buffer += text;
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    if (!record) return;
    if (tag.name === 'note') {
      noteDepth--;
      return;
    }
    if (noteDepth > 0) return;
    if (tag.name === 'head' && where === 'head') record.heading = flush();
    else if (tag.name === 'dateline' && where === 'dateline') {
      const text = flush();
      const comma = text.indexOf(',');
      record.place = comma > 0 ? text.slice(0, comma) : undefined;
      record.dateText = comma > 0 ? text.slice(comma + 1).trim() : text;
    } else if (tag.name === 'head' && where === 'listhead') record.sides.push({ heading: flush(), entries: [] });
    else if (tag.name === 'item' && where === 'item') {
      const text = flush();
      if (text) {
        if (record.sides.length === 0) record.sides.push({ heading: '', entries: [] });
        record.sides.at(-1)!.entries.push(text);
      }
    } else if (tag.name === 'p' && where === 'p') {
      const text = flush();
      if (text) record.paragraphs.push(text);
    } else if (tag.name === 'list' && listDepth > 0) listDepth--;
    else if (tag.name === 'div' && stack.at(-1) !== 'div' && record.id && tag.attributes && (tag.attributes as Record<string, string>).type === 'document') {
      records.push(record);
      record = undefined;
    }
    if (['head', 'dateline', 'item', 'p'].includes(tag.name)) {
      where = undefined;
      buffer = undefined;
    }
  });
  parser.write(readFileSync(path, 'utf8')).close();
  return records;
}
