import type { Command } from 'commander';
import { VerbatimError } from '../../errors.ts';
import type { Document } from '../../model/index.ts';
import { emit, withStore } from '../context.ts';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('a document with its metadata, speaker turns, footnotes and citation')
    .argument('<doc-id>', 'document id, e.g. frus1981-88v05-d151')
    .action(async (id: string, _options: unknown, command: Command) => {
      const document = await withStore(command, (store) => store.getDocument(id));
      if (!document) throw new VerbatimError('VBT_ERR_NOT_FOUND', ['document', id]);
      emit(command, document, renderDocument);
    });
}

/** A plain-text reading view: header block, the text with speakers and pages, then notes. */
export function renderDocument(document: Document): string {
  const lines: string[] = [];
  const header: [string, string | undefined][] = [
    ['Title', document.number ? `${document.number}. ${document.title}` : document.title],
    ['Id', document.id],
    ['Type', document.type],
    ['Date', [document.date?.start, document.date?.end].filter(Boolean).join(' – ') || undefined],
    ['Time', [document.time?.start, document.time?.end].filter(Boolean).join('–') || undefined],
    ['Place', document.place],
    ['Classification', document.classification ? `${document.classification.marked} (${document.classification.level})` : undefined],
    ['Record', document.style === 'none' ? undefined : `${document.style} (${document.turns.length} speaker turns)`],
  ];
  for (const [label, value] of header) if (value) lines.push(`${label.padEnd(15)}${value}`);
  if (document.participants.length > 0) {
    lines.push('Participants');
    for (const p of document.participants) {
      lines.push(`  ${p.name}${p.role ? `, ${p.role}` : ''}${p.side ? ` [${p.side}]` : ''}`);
    }
  }
  lines.push('');
  let page: string | undefined;
  for (const passage of document.passages) {
    if (passage.page && passage.page !== page) {
      page = passage.page;
      lines.push(`[page ${page}]`);
    }
    const speaker = passage.speaker ? `${passage.speaker.name} ▸ ` : '';
    lines.push(`${speaker}${passage.text}`, '');
  }
  if (document.footnotes.length > 0) {
    lines.push('Notes');
    for (const note of document.footnotes) lines.push(`  ${note.n}. ${note.text}`);
    lines.push('');
  }
  lines.push(`Cite as: ${document.citation.text}${document.citation.url ? `, ${document.citation.url}` : ''}`);
  return lines.join('\n');
}
