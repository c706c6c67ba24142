/**
 * The query language's fields, declared as data: each has a name, a one-line help and a
 * builder that turns its value into a node or says what is wrong with it. The parser knows no
 * field by name; adding one is one entry here (and its handling in the compiler).
 */
import { CLASSIFICATION_LEVELS, DOCUMENT_TYPES, type ClassificationLevel, type DocumentType } from '../model/index.ts';
import {
  ClassificationNode,
  CollectionNode,
  DateRangeNode,
  PersonNode,
  PlaceNode,
  SpeakerNode,
  TypeNode,
  type QueryNode,
} from './ast.ts';
import { parseDateRange } from './dates.ts';
import { QuerySyntaxError } from './syntax-error.ts';

export interface FieldValue {
  /** The value as written (without the quotes of a quoted value). */
  text: string;
  /** Offset of the value in the query. */
  at: number;
  /** Offset of the field name, where the node is said to start. */
  fieldAt: number;
}

export interface FieldSpec {
  readonly name: string;
  readonly help: string;
  build(value: FieldValue): QueryNode;
}

const REGEXPS = {
  separators: /[\s_]+/g,
  /** A value must hold something the index or a name key keeps. */
  meaningful: /[\p{L}\p{N}]/u,
};

function nameField(name: 'speaker' | 'person', help: string): FieldSpec {
  const create = name === 'speaker' ? SpeakerNode.create : PersonNode.create;
  return { name, help, build: (value) => create({ name: requireWords(name, value), at: value.fieldAt }) };
}

function requireText(field: string, value: FieldValue): string {
  const text = value.text.trim();
  if (text === '') throw new QuerySyntaxError(`${field}: needs a value`, value.at);
  return text;
}

function requireWords(field: string, value: FieldValue): string {
  const text = requireText(field, value);
  if (!REGEXPS.meaningful.test(text)) throw new QuerySyntaxError(`${field}: '${text}' has no letter or digit`, value.at);
  return text;
}

function oneOf<T extends string>(field: string, allowed: readonly T[], value: FieldValue): T {
  const wanted = requireText(field, value).toLowerCase().replace(REGEXPS.separators, '-');
  const found = allowed.find((candidate) => candidate === wanted);
  if (!found) throw new QuerySyntaxError(`${field}: '${value.text}' is not one of ${allowed.join(', ')}`, value.at);
  return found;
}

function dateField(name: 'date' | 'year', yearsOnly: boolean, help: string): FieldSpec {
  return {
    name,
    help,
    build: (value) => {
      const parsed = parseDateRange(requireText(name, value), yearsOnly);
      if (!parsed.ok) throw new QuerySyntaxError(`${name}: ${parsed.reason}`, value.at + parsed.offset);
      return DateRangeNode.create({ ...parsed.range, at: value.fieldAt });
    },
  };
}

export const FIELDS: readonly FieldSpec[] = [
  nameField('speaker', 'passages spoken by the person (any spelling or script of their name)'),
  nameField('person', 'documents the person takes part in or that name them'),
  {
    name: 'place',
    help: 'documents written or held at the place',
    build: (value) => PlaceNode.create({ value: requireWords('place', value), at: value.fieldAt }),
  },
  {
    name: 'type',
    help: `document type: ${DOCUMENT_TYPES.join(', ')}`,
    build: (value) => TypeNode.create({ value: oneOf<DocumentType>('type', DOCUMENT_TYPES, value), at: value.fieldAt }),
  },
  {
    name: 'collection',
    help: 'a collection, by id or by words of its title',
    build: (value) => CollectionNode.create({ value: requireWords('collection', value), at: value.fieldAt }),
  },
  {
    name: 'classification',
    help: `classification level: ${CLASSIFICATION_LEVELS.join(', ')}`,
    build: (value) =>
      ClassificationNode.create({
        value: oneOf<ClassificationLevel>('classification', CLASSIFICATION_LEVELS, value),
        at: value.fieldAt,
      }),
  },
  dateField('date', false, 'date or range: 1986, 1986-10, 1986-10-12, 1985-11-19..1986-10-12, 1986..'),
  dateField('year', true, 'year or range of years: 1986, 1986..1988'),
];

const BY_NAME = new Map(FIELDS.map((field) => [field.name, field]));

export function fieldNamed(name: string): FieldSpec | undefined {
  return BY_NAME.get(name.toLowerCase());
}
