/**
 * The step between parsing and compiling: flattens nested AND/OR, removes double negation,
 * and resolves every `speaker:`/`person:` name through the persons authority. Pure apart from
 * the resolver it is given, so the same tree compiles the same way for every store.
 */
import { AndNode, isNameNode, OrNode, PersonNode, SpeakerNode, type QueryNode } from './ast.ts';
import { transformNode, walkNodes } from './visitor.ts';

/** Authority ids of the persons a name (any spelling, any script, or an id) denotes. */
export type NameResolver = (name: string) => Promise<readonly string[]>;

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

/** Parse output → compile input. */
export async function normalizeQuery(node: QueryNode, resolve: NameResolver): Promise<QueryNode> {
  return resolveNames(simplify(node), resolve);
}
