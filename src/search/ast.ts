/**
 * The query language's syntax tree: one closed union of read-only, frozen nodes. Every stage
 * (parse, normalise, compile) speaks this type; `visitor.ts` maps each kind to a handler so a
 * new kind without one fails to compile.
 *
 * Text nodes (term, phrase) match passage text; filter nodes match a passage's speaker or its
 * document's metadata; logic nodes combine them. Each node keeps `at`, the 0-based offset in
 * the query string it came from, for messages.
 */
import type { ClassificationLevel, DocumentType } from '../model/index.ts';

/** A word, stemmed and folded by the index. `prefix` when written `word*`. */
export interface TermNode {
  readonly kind: 'term';
  readonly text: string;
  readonly prefix: boolean;
  readonly at: number;
}

/** Words that must appear in this order, adjacent: `"first country to join"`. */
export interface PhraseNode {
  readonly kind: 'phrase';
  readonly text: string;
  readonly at: number;
}

export interface AndNode {
  readonly kind: 'and';
  readonly children: readonly QueryNode[];
}

export interface OrNode {
  readonly kind: 'or';
  readonly children: readonly QueryNode[];
}

export interface NotNode {
  readonly kind: 'not';
  readonly child: QueryNode;
}

/**
 * A person filter: `speaker:` (the passage is spoken by them) or `person:` (the document has
 * them as a participant or names them). `person_ids` is filled by name resolution: undefined
 * before it, empty when the persons authority does not know the name.
 */
export interface SpeakerNode {
  readonly kind: 'speaker';
  readonly name: string;
  readonly person_ids?: readonly string[];
  readonly at: number;
}

export interface PersonNode {
  readonly kind: 'person';
  readonly name: string;
  readonly person_ids?: readonly string[];
  readonly at: number;
}

/** The document's place contains these words (folded): `place:reykjavik`. */
export interface PlaceNode {
  readonly kind: 'place';
  readonly value: string;
  readonly at: number;
}

export interface TypeNode {
  readonly kind: 'type';
  readonly value: DocumentType;
  readonly at: number;
}

/** A collection by id, or by words of its title. */
export interface CollectionNode {
  readonly kind: 'collection';
  readonly value: string;
  readonly at: number;
}

export interface ClassificationNode {
  readonly kind: 'classification';
  readonly value: ClassificationLevel;
  readonly at: number;
}

/**
 * The document's date span overlaps [from, to] (ISO days, inclusive; an absent bound is
 * open). `date:` and `year:` both parse to this node.
 */
export interface DateRangeNode {
  readonly kind: 'date';
  readonly from?: string;
  readonly to?: string;
  readonly at: number;
}

export type TextNode = TermNode | PhraseNode;
export type LogicNode = AndNode | OrNode | NotNode;
export type FilterNode =
  | SpeakerNode
  | PersonNode
  | PlaceNode
  | TypeNode
  | CollectionNode
  | ClassificationNode
  | DateRangeNode;

export type QueryNode = TextNode | LogicNode | FilterNode;
export type NodeKind = QueryNode['kind'];
export type NodeOfKind<K extends NodeKind> = Extract<QueryNode, { kind: K }>;

type Fields<N extends QueryNode> = Omit<N, 'kind'>;

/** A `create`/`is` companion for one node kind, as kysely's operation nodes have. */
export interface NodeCompanion<K extends NodeKind> {
  create(fields: Fields<NodeOfKind<K>>): NodeOfKind<K>;
  is(node: QueryNode): node is NodeOfKind<K>;
}

function companion<K extends NodeKind>(kind: K): NodeCompanion<K> {
  return {
    create: (fields) => Object.freeze({ kind, ...fields }) as unknown as NodeOfKind<K>,
    is: (node): node is NodeOfKind<K> => node.kind === kind,
  };
}

export const TermNode = companion('term');
export const PhraseNode = companion('phrase');
export const AndNode = companion('and');
export const OrNode = companion('or');
export const NotNode = companion('not');
export const SpeakerNode = companion('speaker');
export const PersonNode = companion('person');
export const PlaceNode = companion('place');
export const TypeNode = companion('type');
export const CollectionNode = companion('collection');
export const ClassificationNode = companion('classification');
export const DateRangeNode = companion('date');

export function isTextNode(node: QueryNode): node is TextNode {
  return node.kind === 'term' || node.kind === 'phrase';
}

/** Speaker and person filters: the nodes name resolution fills in. */
export function isNameNode(node: QueryNode): node is SpeakerNode | PersonNode {
  return node.kind === 'speaker' || node.kind === 'person';
}
