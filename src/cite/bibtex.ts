/**
 * BibTeX as `@misc`, the entry type every style accepts for archival records. Field values
 * are brace-quoted and TeX's special characters escaped, so a title with "&" or "%" cannot
 * break the entry.
 */
import type { Document } from '../model/index.ts';
import { dateParts } from './dates.ts';
import { chicagoNote } from './chicago.ts';

/** BibTeX's three-letter month macros, unquoted in the entry. */
const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

const TEX_SPECIALS = /[\\{}%&$#_~^]/g;
const TEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

export function escapeTex(text: string): string {
  return text.replace(TEX_SPECIALS, (c) => TEX_ESCAPES[c] ?? c);
}

/** Citation keys allow letters, digits and a few marks; anything else becomes '-'. */
export function bibtexKey(id: string): string {
  return id.replace(/[^A-Za-z0-9:._-]/g, '-');
}

export function bibtex(document: Document): string {
  const parts = document.date ? dateParts(document.date.start) : undefined;
  const fields: [string, string][] = [['title', `{${escapeTex(document.title)}}`]];
  fields.push(['howpublished', `{${escapeTex(document.collection.title)}}`]);
  if (document.number) fields.push(['number', `{${escapeTex(document.number)}}`]);
  if (parts) fields.push(['year', `{${parts.year}}`]);
  const month = parts?.month ? MONTH_MACROS[parts.month - 1] : undefined;
  if (month) fields.push(['month', month]);
  if (document.place) fields.push(['address', `{${escapeTex(document.place)}}`]);
  if (document.citation.url) fields.push(['url', `{${escapeTex(document.citation.url)}}`]);
  fields.push(['note', `{${escapeTex(chicagoNote(document))}}`]);
  const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n');
  return `@misc{${bibtexKey(document.id)},\n${body}\n}`;
}
