/**
 * What a FRUS volume says about itself (its header) and its persons list, which every
 * document's participants and speakers resolve through.
 */
import { aliasesFromSortName, displayName, personIdFromSortName } from '../../entities/names.ts';
import type { Person } from '../../model/index.ts';
import { findAll, squeeze, textOf, type XmlElement } from '../xml/stream.ts';

export interface VolumeInfo {
  /** frus1981-88v05 */
  id: string;
  /** "Foreign Relations of the United States, 1981–1988, Volume V, Soviet Union, March 1985–October 1986" */
  title: string;
  /** The span the whole volume covers (header content-date), as the document attributes write it. */
  contentDates?: { min?: string; max?: string };
}

export function volumeFromHeader(header: XmlElement, rootId: string | undefined): VolumeInfo {
  const titles = findAll(header, (element) => element.name === 'title');
  const complete = titles.find((title) => title.attrs.type === 'complete');
  const idno = findAll(header, (element) => element.name === 'idno' && element.attrs.type === 'frus')[0];
  const id = squeeze(idno ? textOf(idno) : '') || rootId || '';
  const contentDate = findAll(header, (element) => element.name === 'date' && element.attrs.type === 'content-date')[0];
  return {
    id,
    title: squeeze(complete ? textOf(complete) : textOf(titles[0] ?? header)),
    ...(contentDate ? { contentDates: { min: contentDate.attrs.notBefore, max: contentDate.attrs.notAfter } } : {}),
  };
}

/** A volume's persons, keyed by their xml:id in that volume (p_GMS_1). */
export type PersonsList = Map<string, Person>;

/**
 * Items of the persons list read "<persName xml:id>Surname, Given</persName>, description".
 * Names without a comma (Chou En-lai) are in their native order, surname first.
 */
export function personsFromList(list: XmlElement, volumeId: string): PersonsList {
  const persons: PersonsList = new Map();
  for (const item of findAll(list, (element) => element.name === 'item')) {
    const name = childElementDeep(item, 'persName');
    const xmlId = name?.attrs['xml:id'];
    if (!name || !xmlId) continue;
    const sortName = squeeze(textOf(name)).replace(/,$/, '');
    const itemText = squeeze(textOf(item));
    const nameText = squeeze(textOf(name));
    const description = itemText.slice(itemText.indexOf(nameText) + nameText.length).replace(/^[,;:\s]+/, '');
    const aliases = aliasesFromSortName(sortName);
    if (!sortName.includes(',')) {
      const surname = sortName.split(' ')[0];
      if (surname && surname.length > 1) aliases.push(surname);
    }
    const person: Person = {
      id: personIdFromSortName(sortName),
      name: displayName(sortName),
      sort_name: sortName,
      description: description || undefined,
      aliases: [...new Set(aliases)],
      source_ids: [`${volumeId}#${xmlId}`],
    };
    persons.set(xmlId, person);
  }
  return persons;
}

function childElementDeep(element: XmlElement, name: string): XmlElement | undefined {
  return findAll(element, (child) => child.name === name)[0];
}
