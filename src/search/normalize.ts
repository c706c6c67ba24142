/**
 * The step between parsing and compiling: flattens nested AND/OR, removes double negation,
 * and resolves every `speaker:`/`person:` name through the persons authority. Pure apart from
 * the resolver it is given, so the same tree compiles the same way for every store.
 */
import { AndNode, isNameNode, OrNode, PersonNode, SpeakerNode, TermNode, type QueryNode } from './ast.ts';
import { transformNode, walkNodes } from './visitor.ts';

/** Authority ids of the persons a name (any spelling, any script, or an id) denotes. */
export type NameResolver = (name: string) => Promise<readonly string[]>;

/** The surnames, in the archive's script, of the persons a name written in another script denotes. */
export type ScriptBridge = (name: string) => Promise<readonly string[]>;

/** A word in Cyrillic (the archive is English): "Горбачёв" typed as a plain word. */
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** What a name of the query resolved to, reported with the results. */
export interface NameResolution {
  field: 'speaker' | 'person';
  name: string;
  person_ids: readonly string[];
}

export function simplify(node: QueryNode): QueryNode {
  return transformNode(node, (current) => {
    if (current.kind === 'and' || current.kind === 'or') {
      // (a AND (b AND c)) is (a AND b AND c): one level per operator keeps the SQL flat.
      const children = current.children.flatMap((child) => (child.kind === current.kind ? child.children : [child]));
      if (children.length === 1 && children[0]) return children[0];
      if (children.length === current.children.length) return current;
      return current.kind === 'and' ? AndNode.create({ children }) : OrNode.create({ children });
    }
    if (current.kind === 'not' && current.child.kind === 'not') return current.child.child;
    return current;
  });
}

/** Fills `person_ids` on every name node, asking the resolver once per distinct name. */
export async function resolveNames(node: QueryNode, resolve: NameResolver): Promise<QueryNode> {
  const names = new Set<string>();
  for (const current of walkNodes(node)) if (isNameNode(current)) names.add(current.name);
  const resolved = new Map<string, readonly string[]>();
  for (const name of names) resolved.set(name, [...new Set(await resolve(name))].sort());
  return transformNode(node, (current) => {
    if (!isNameNode(current)) return current;
    const fields = { name: current.name, at: current.at, person_ids: resolved.get(current.name) ?? [] };
    return current.kind === 'speaker' ? SpeakerNode.create(fields) : PersonNode.create(fields);
  });
}

export function nameResolutions(node: QueryNode): NameResolution[] {
  const out: NameResolution[] = [];
  for (const current of walkNodes(node)) {
    if (isNameNode(current)) out.push({ field: current.kind, name: current.name, person_ids: current.person_ids ?? [] });
  }
  return out;
}

/**
 * A plain word in Cyrillic that names a person of the authority ("Ельцин") also searches the
 * surname as the archive writes it ("Yeltsin"): the word OR each surname. Other words are left
 * as they are, so a word that names no one still matches only itself.
 */
export async function bridgeScripts(node: QueryNode, bridge: ScriptBridge): Promise<QueryNode> {
  const words = new Set<string>();
  for (const current of walkNodes(node)) {
    if (current.kind === 'term' && !current.prefix && CYRILLIC.test(current.text)) words.add(current.text);
  }
  const surnames = new Map<string, readonly string[]>();
  for (const word of words) surnames.set(word, [...new Set(await bridge(word))].sort());
  return transformNode(node, (current) => {
    if (current.kind !== 'term') return current;
    const latin = surnames.get(current.text) ?? [];
    if (latin.length === 0) return current;
    const alternatives = latin.map((text) => TermNode.create({ text, prefix: false, at: current.at }));
    return OrNode.create({ children: [current, ...alternatives] });
  });
}

/** Parse output → compile input. */
export async function normalizeQuery(node: QueryNode, resolve: NameResolver, bridge?: ScriptBridge): Promise<QueryNode> {
  const resolved = await resolveNames(simplify(node), resolve);
  return bridge ? simplify(await bridgeScripts(resolved, bridge)) : resolved;
}
