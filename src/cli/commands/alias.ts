import type { Command } from 'commander';
import { addAlias, personNamed } from '../../entities/aliases.ts';
import type { Person } from '../../model/index.ts';
import { emit, withStore } from '../context.ts';

export function registerAlias(program: Command): void {
  const alias = program.command('alias').description("a person's other names, used by search's speaker: and person:");
  alias
    .command('add')
    .description('add a name (any script or spelling) to a person of the authority')
    .argument('<person>', 'authority id or a name the person already has')
    .argument('<alias>', 'the new name')
    .action(async (person: string, name: string, _options: unknown, command: Command) => {
      const updated = await withStore(command, (store) => addAlias(store, person, name));
      emit(command, personSummary(updated), human);
    });
  alias
    .command('list')
    .description("a person's names")
    .argument('<person>', 'authority id or a name of the person')
    .action(async (person: string, _options: unknown, command: Command) => {
      const found = await withStore(command, (store) => personNamed(store, person));
      emit(command, personSummary(found), human);
    });
}

function personSummary(person: Person): { id: string; name: string; aliases: string[] } {
  return { id: person.id, name: person.name, aliases: person.aliases };
}

function human(person: { id: string; name: string; aliases: string[] }): string {
  return [`${person.name} (${person.id})`, ...person.aliases.map((name) => `  ${name}`)].join('\n');
}
