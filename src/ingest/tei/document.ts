/**
 * One FRUS `<div type="document">` into a Document: clean text in paragraph passages,
 * footnotes apart, pages, redactions, participants resolved through the persons list,
 * speaker turns, date, place, type, classification and the history.state.gov citation.
 */
import type { Document, Participant, Passage, PersonRef } from '../../model/index.ts';
import { findRedactions } from '../redactions.ts';
import { detectTurns, directoryEntry, nameStems, plausibleMarking, speakerDirectory, type DirectoryEntry } from '../turns.ts';
import { findAll, squeeze, textOf, type XmlElement } from '../xml/stream.ts';
import { blocksOf, type Block } from './blocks.ts';
import { classificationFromSourceNote, typeFromHeading } from './classify.ts';
import { documentDate } from './dates.ts';
import type { PersonsList, VolumeInfo } from './volume.ts';

const PASSAGE_SEPARATOR = '\n\n';
const HISTORY_STATE_GOV = 'https://history.state.gov/historicaldocuments';

export interface VolumeContext {
  volume: VolumeInfo;
  persons: PersonsList;
  /** The persons list as a speaker directory's authority, built once per volume. */
  authority: DirectoryEntry[];
  /** Name-word stems per persons-list id, to check the source's person tags against. */
  stems: Map<string, Set<string>>;
}

export function volumeContext(volume: VolumeInfo, persons: PersonsList): VolumeContext {
  const authority = [...persons.values()].map((person) =>
    directoryEntry({ person_id: person.id, name: person.name }, [person.name, ...person.aliases]),
  );
  const stems = new Map([...persons].map(([xmlId, person]) => [xmlId, nameStems([person.name, ...person.aliases])]));
  return { volume, persons, authority, stems };
}

export function documentFromDiv(div: XmlElement, context: VolumeContext, startPage?: string): Document {
  const { volume, persons } = context;
  const xmlId = div.attrs['xml:id'] ?? `d${div.attrs.n ?? ''}`;
  const id = `${volume.id}-${xmlId}`;
  const resolvePerson = (ref: string, written: string): PersonRef | undefined => {
    const person = persons.get(ref);
    if (!person || !plausibleMarking(written, context.stems.get(ref) ?? new Set())) return undefined;
    return { person_id: person.id, name: person.name };
  };
  const participantsList = findAll(div, (e) => e.name === 'list' && e.attrs.type === 'participants')[0];
  const blocks = blocksOf(div, { docId: id, resolvePerson, page: ownPagination(div, xmlId) ?? startPage });
  const headingBlock = blocks.find((block) => block.element.name === 'head');
  const headingText = (headingBlock?.text ?? '').replace(/^\d+[A-Za-z]?\.\s+/, '') || `Document ${div.attrs.n ?? xmlId}`;
  const subtitle = subtitleOf(blocks);
  // "Memorandum of Conversation" heads a dozen records of one summit; the subtitle tells them apart.
  const title = subtitle && !headingText.includes(subtitle) ? `${headingText} (${subtitle})` : headingText;

  const participants = participantsList
    ? participantsFrom(blocksOf(participantsList, { docId: id, resolvePerson }), persons)
    : correspondentsFrom(div, persons);
  const directory = speakerDirectory(participants, context.authority);
  const turnResult = detectTurns(blocks, directory);

  const passages: Passage[] = [];
  const document: Document = {
    id,
    collection: { id: volume.id, title: volume.title },
    type: typeFromHeading(title),
    title,
    ...(subtitle ? { subtitle } : {}),
    number: div.attrs.n,
    participants,
    mentions: [],
    language: 'en',
    style: turnResult.style,
    text: '',
    passages,
    turns: turnResult.turns,
    footnotes: [],
    pages: [],
    redactions: [],
    citation: {
      text: `${volume.title}, Document ${div.attrs.n ?? xmlId}`,
      url: `${HISTORY_STATE_GOV}/${volume.id}/${xmlId}`,
    },
    source: { origin: '', format: 'tei' },
  };

  const mentions = new Set<string>();
  let offset = 0;
  blocks.forEach((block, index) => {
    if (index > 0) offset += PASSAGE_SEPARATOR.length;
    const speaker = turnResult.speakers[index];
    const turn = turnResult.turns.find((t) => index >= t.first_passage && index <= t.last_passage);
    passages.push({
      id: `${id}-p${index + 1}`,
      n: index + 1,
      kind: block.kind,
      text: block.text,
      start: offset,
      end: offset + block.text.length,
      page: block.page,
      ...(speaker ? { speaker } : {}),
      ...(turn ? { turn: turn.n } : {}),
    });
    document.footnotes.push(...block.footnotes.map((f) => ({ ...f, anchor: f.anchor + offset })));
    document.pages.push(...block.pages.map((p) => ({ ...p, offset: p.offset + offset })));
    const gaps = block.redactions.map((r) => ({ ...r, offset: r.offset + offset }));
    const marked = findRedactions(block.text, offset).filter((r) => !gaps.some((g) => g.offset === r.offset));
    document.redactions.push(...[...gaps, ...marked].sort((a, b) => a.offset - b.offset));
    for (const ref of block.refs) if (ref.person.person_id) mentions.add(ref.person.person_id);
    offset += block.text.length;
  });
  // Turns index passages by number, not by block position.
  for (const turn of document.turns) {
    turn.first_passage += 1;
    turn.last_passage += 1;
  }
  document.text = blocks.map((block) => block.text).join(PASSAGE_SEPARATOR);
  document.mentions = [...mentions].sort();

  const sourceNote = document.footnotes.find((f) => f.type === 'source');
  if (sourceNote) {
    document.source_note = sourceNote.text;
    const classification = classificationFromSourceNote(sourceNote.text);
    if (classification) document.classification = classification;
  }

  const dateline = findAll(div, (e) => e.name === 'dateline')[0];
  const placeName = dateline ? findAll(dateline, (e) => e.name === 'placeName')[0] : undefined;
  if (placeName) document.place = squeeze(textOf(placeName));
  const dateElement = dateline ? findAll(dateline, (e) => e.name === 'date')[0] : undefined;
  const timeElement = dateline ? findAll(dateline, (e) => e.name === 'time')[0] : undefined;
  const dateText = [dateElement, timeElement].filter((e): e is XmlElement => !!e).map((e) => squeeze(textOf(e))).join(', ');
  const min = attributeByLocalName(div, 'doc-dateTime-min');
  const max = attributeByLocalName(div, 'doc-dateTime-max');
  // Undated documents (editorial notes) carry the whole volume's span: that dates nothing.
  const spansVolume = min === volume.contentDates?.min && max === volume.contentDates?.max;
  const { date, time } = documentDate({
    min: spansVolume ? undefined : min,
    max: spansVolume ? undefined : max,
    dateAttrs: dateElement?.attrs,
    timeAttrs: timeElement?.attrs,
    dateText: dateText || undefined,
  });
  if (date) document.date = date;
  if (time) document.time = time;
  return document;
}

/** Longer centred lines are text, not a subtitle. */
const MAX_SUBTITLE_CHARS = 100;

/**
 * The centred lines FRUS prints between a document's heading and its body ("REAGAN-GORBACHEV
 * MEETINGS IN GENEVA", then "First Plenary Meeting"): the last of them names this record.
 */
function subtitleOf(blocks: readonly Block[]): string | undefined {
  let subtitle: string | undefined;
  for (const block of blocks) {
    if (block.kind === 'heading') continue;
    if (block.kind !== 'paragraph' || block.rend !== 'center') break;
    if (block.text.length <= MAX_SUBTITLE_CHARS && /\p{L}/u.test(block.text)) subtitle = block.text;
  }
  return subtitle;
}

/**
 * Electronic-only volumes number each document's pages from 1 (page breaks "d40-01"): the
 * text before the first break is on that page, not on the previous document's last one.
 */
function ownPagination(div: XmlElement, xmlId: string): string | undefined {
  const first = findAll(div, (e) => e.name === 'pb')[0];
  if (!first) return undefined;
  const own = first.attrs['xml:id']?.startsWith(`${xmlId}-`) || first.attrs.n === '1';
  return own ? first.attrs.n : undefined;
}

/** `frus:doc-dateTime-min` whatever prefix the volume binds the FRUS namespace to. */
function attributeByLocalName(element: XmlElement, local: string): string | undefined {
  const key = Object.keys(element.attrs).find((name) => name === local || name.endsWith(`:${local}`));
  return key ? element.attrs[key] : undefined;
}

const HONORIFIC_PREFIX = /^(?:Mr|Mrs|Ms|Miss|Dr|Mme)\.?$/;

/**
 * Participants lists group items under side headings ("United States"); each item is
 * "Title Name, function" with the name marked, or plain "Name, function" when the volume
 * did not mark it, or "A and B, function" for two people sharing a function.
 */
function participantsFrom(blocks: Block[], persons: PersonsList): Participant[] {
  const participants: Participant[] = [];
  let side: string | undefined;
  blocks.forEach((block, index) => {
    if (block.kind === 'heading') {
      // The list's own first head ("PARTICIPANTS") names the list, not a side.
      if (index > 0) side = block.text.replace(/:$/, '');
      return;
    }
    const text = block.text;
    const firstComma = text.indexOf(',');
    const nameRef = block.refs.find((ref) => firstComma < 0 || ref.start < firstComma);
    if (nameRef) {
      const prefix = text.slice(0, nameRef.start).trim();
      const suffix = text.slice(nameRef.end).replace(/^[\s,]+/, '').trim();
      const role = [HONORIFIC_PREFIX.test(prefix) ? '' : prefix, suffix].filter(Boolean).join(', ');
      const person = nameRef.xmlId ? persons.get(nameRef.xmlId) : undefined;
      participants.push({
        person_id: nameRef.person.person_id,
        name: nameRef.person.name,
        ...(role ? { role } : {}),
        ...(side ? { side } : {}),
        ...(person?.description ? { description: person.description } : {}),
      });
      return;
    }
    const names = (firstComma < 0 ? text : text.slice(0, firstComma)).split(/\s+and\s+/);
    const role = firstComma < 0 ? undefined : text.slice(firstComma + 1).trim();
    for (const name of names) {
      const clean = name.trim();
      if (clean) participants.push({ name: clean, ...(role ? { role } : {}), ...(side ? { side } : {}) });
    }
  });
  return participants;
}

/** Letters and memoranda name their author and addressee in the heading (persName type from/to). */
function correspondentsFrom(div: XmlElement, persons: PersonsList): Participant[] {
  const head = findAll(div, (e) => e.name === 'head')[0];
  if (!head) return [];
  const named = findAll(head, (e) => e.name === 'persName' && (e.attrs.type === 'from' || e.attrs.type === 'to'));
  return named.map((element) => {
    const person = persons.get(element.attrs.corresp?.replace(/^#/, '') ?? '');
    return {
      ...(person ? { person_id: person.id } : {}),
      name: person?.name ?? squeeze(textOf(element)),
      role: element.attrs.type === 'from' ? 'author' : 'recipient',
      ...(person?.description ? { description: person.description } : {}),
    };
  });
}
