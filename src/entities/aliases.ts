/**
 * User-added aliases: another spelling, script or nickname for a person of the authority, so
 * `speaker:` and `person:` find them by it ("Zhou Enlai" for the record's "Chou En-lai").
 */
import { VerbatimError } from '../errors.ts';
import type { Person } from '../model/index.ts';
import type { Store } from '../store/store.ts';
import { nameKey } from './names.ts';

/** The one person a name or authority id denotes; an unknown or ambiguous one is refused. */
export async function personNamed(store: Store, nameOrId: string): Promise<Person> {
  const byId = await store.getPerson(nameOrId);
  if (byId) return byId;
  const found = await store.findPersons(nameOrId);
  if (found.length === 1 && found[0]) return found[0];
  if (found.length === 0) throw new VerbatimError('VBT_ERR_NOT_FOUND', ['person', nameOrId]);
  const ids = found.map((person) => person.id).join(', ');
  throw new VerbatimError('VBT_ERR_BAD_ARGUMENT', [`'${nameOrId}' names ${found.length} persons (${ids}): give the id`]);
}

/**
 * Adds `alias` to the person; returns the person as stored. An alias that already folds to a
 * name of the person (same key) is not added twice. One that denotes somebody else too is
 * allowed — "Gorbachev" is Mikhail and Raisa — and the search then covers both.
 */
export async function addAlias(store: Store, nameOrId: string, alias: string): Promise<Person> {
  const trimmed = alias.trim();
  if (nameKey(trimmed) === '') throw new VerbatimError('VBT_ERR_BAD_ARGUMENT', ['an alias needs a letter or a digit']);
  const person = await personNamed(store, nameOrId);
  const keys = new Set([person.name, person.sort_name, ...person.aliases].map(nameKey));
  if (keys.has(nameKey(trimmed))) return person;
  await store.putPersons([{ ...person, aliases: [...person.aliases, trimmed] }]);
  return (await store.getPerson(person.id)) ?? person;
}
