/**
 * Flattens a TEI document div into blocks of clean text (one per paragraph unit), with what
 * sits inside them kept by offset: footnotes lifted out of the running text, page breaks,
 * redaction gaps, marked persons, and an emphasised lead (FRUS italicises narrative subjects).
 */
import type { Footnote, PageBreak, PassageKind, PersonRef, Redaction } from '../../model/index.ts';
import { squeeze, textOf, type XmlElement, type XmlNode } from '../xml/stream.ts';

export interface Block {
  kind: PassageKind;
  text: string;
  /** The element the block came from, for callers that need its structure (participants). */
  element: XmlElement;
  /** Page the block starts on. */
  page?: string;
  footnotes: Footnote[];
  pages: PageBreak[];
  redactions: Redaction[];
  refs: { start: number; end: number; person: PersonRef; xmlId: string }[];
  emphasisLead?: { start: number; end: number };
  /** Rendition hints of the source (center, right). */
  rend?: string;
}

/** Elements that are a paragraph unit of their own. */
const BLOCK_KINDS: Record<string, PassageKind> = {
  head: 'heading',
  p: 'paragraph',
  item: 'list',
  dateline: 'heading',
  closer: 'closer',
  signed: 'closer',
  quote: 'quote',
  salute: 'closer',
  byline: 'heading',
  ab: 'paragraph',
  label: 'paragraph',
};

/** Elements that only hold blocks. */
const CONTAINERS = new Set(['div', 'list', 'opener', 'postscript', 'floatingText', 'body', 'front', 'back', 'table', 'row', 'cell', 'lg', 'sp', 'frus:attachment', 'attachment']);

const EMPHASIS_RENDS = new Set(['italic', 'strong', 'bold', 'underline']);

export interface BlockContext {
  docId: string;
  /** The authority record a source's person tag points at, given the words it tags. */
  resolvePerson(xmlId: string, written: string): PersonRef | undefined;
  /** The page current when the walk starts (a document may start mid-page). */
  page?: string;
}

/** Walks a document div in order and returns its blocks. */
export function blocksOf(div: XmlElement, context: BlockContext): Block[] {
  const blocks: Block[] = [];
  let page = context.page;
  const walk = (element: XmlElement) => {
    for (const child of element.children) {
      if (typeof child === 'string') {
        if (child.trim()) blocks.push(buildBlock({ name: 'p', attrs: {}, children: [child] }, 'paragraph'));
        continue;
      }
      if (child.name === 'pb') {
        page = child.attrs.n ?? page;
        continue;
      }
      const kind = blockKind(child);
      if (kind) blocks.push(buildBlock(child, kind));
      else if (CONTAINERS.has(child.name) || hasBlockChildren(child)) walk(child);
      else if (child.name !== 'note' || !child.attrs.type) blocks.push(buildBlock(child, 'paragraph'));
    }
  };

  const buildBlock = (element: XmlElement, kind: PassageKind): Block => {
    const builder = new BlockBuilder(element, kind, page, context);
    builder.walk(element);
    page = builder.page;
    return builder.finish();
  };

  walk(div);
  return blocks.filter((block) => block.text.length > 0 || block.footnotes.length > 0);
}

/** A block element is one unless it holds other blocks (a list inside an item, a p inside a quote). */
function blockKind(element: XmlElement): PassageKind | undefined {
  const kind = BLOCK_KINDS[element.name];
  if (!kind) return undefined;
  if (element.name === 'dateline' || element.name === 'head') return kind;
  return hasBlockChildren(element) ? undefined : kind;
}

function hasBlockChildren(element: XmlElement): boolean {
  return element.children.some(
    (child) => typeof child !== 'string' && child.name !== 'head' && (child.name in BLOCK_KINDS || CONTAINERS.has(child.name)),
  );
}

class BlockBuilder {
  private text = '';
  readonly footnotes: Footnote[] = [];
  readonly pages: PageBreak[] = [];
  readonly redactions: Redaction[] = [];
  readonly refs: Block['refs'] = [];
  private emphasisLead?: { start: number; end: number };
  private readonly startPage?: string;

  constructor(
    private readonly element: XmlElement,
    private readonly kind: PassageKind,
    public page: string | undefined,
    private readonly context: BlockContext,
  ) {
    this.startPage = page;
  }

  /** Appends text with XML layout whitespace folded to single spaces. */
  private append(raw: string): void {
    let text = raw.replace(/\s+/g, ' ');
    if (this.text === '' || this.text.endsWith(' ')) text = text.replace(/^ /, '');
    this.text += text;
  }

  walk(node: XmlNode): void {
    if (typeof node === 'string') {
      this.append(node);
      return;
    }
    if (node !== this.element) {
      switch (node.name) {
        case 'note':
          this.footnotes.push(this.footnote(node));
          return;
        case 'pb':
          this.page = node.attrs.n ?? this.page;
          this.pages.push({ page: this.page ?? '', offset: this.text.length });
          return;
        case 'lb':
          this.append(' ');
          return;
        case 'gap': {
          const marked = gapText(node);
          const offset = this.text.length + (this.text === '' || this.text.endsWith(' ') ? 0 : 1);
          this.append(` ${marked} `);
          this.redactions.push({ offset, length: marked.length, marked, exemptions: [] });
          return;
        }
        case 'persName': {
          const start = this.text.length;
          for (const child of node.children) this.walk(child);
          const xmlId = node.attrs.corresp?.replace(/^#/, '');
          const written = this.text.slice(start).trim();
          const person = xmlId ? this.context.resolvePerson(xmlId, written) : undefined;
          const leading = this.text.length - start - this.text.slice(start).trimStart().length;
          if (written) {
            this.refs.push({
              start: start + leading,
              end: this.text.length,
              person: person ?? { name: written },
              xmlId: xmlId ?? '',
            });
          }
          return;
        }
        case 'hi': {
          const emphasised = EMPHASIS_RENDS.has(node.attrs.rend ?? '');
          const leadStart = this.text.trim() === '' ? this.text.length : -1;
          for (const child of node.children) this.walk(child);
          if (emphasised && leadStart >= 0 && !this.emphasisLead) {
            const trimmed = this.text.trimEnd().length;
            if (trimmed > leadStart) this.emphasisLead = { start: leadStart, end: trimmed };
          }
          return;
        }
      }
    }
    for (const child of node.children) this.walk(child);
  }

  private footnote(note: XmlElement): Footnote {
    const n = note.attrs.n ?? String(this.footnotes.length + 1);
    return {
      id: note.attrs['xml:id'] ? `${this.context.docId}-${note.attrs['xml:id'].replace(/^d\d+/, '')}` : `${this.context.docId}-fn${n}`,
      n,
      type: note.attrs.type,
      text: squeeze(textOf(note)),
      anchor: this.text.trimEnd().length,
    };
  }

  finish(): Block {
    const trimmed = this.text.trimEnd();
    const clamp = (offset: number) => Math.min(offset, trimmed.length);
    return {
      kind: this.kind,
      text: trimmed,
      element: this.element,
      page: this.startPage,
      footnotes: this.footnotes.map((f) => ({ ...f, anchor: clamp(f.anchor) })),
      pages: this.pages.map((p) => ({ ...p, offset: clamp(p.offset) })),
      redactions: this.redactions,
      refs: this.refs,
      emphasisLead: this.emphasisLead,
      rend: this.element.attrs.rend ?? this.element.attrs.rendition?.replace(/^#/, ''),
    };
  }
}

/** How a TEI <gap> is shown in the text: FRUS's own wording where the source gives an extent. */
function gapText(gap: XmlElement): string {
  const content = squeeze(textOf(gap));
  if (content) return content;
  const extent = gap.attrs.extent ?? (gap.attrs.quantity ? `${gap.attrs.quantity} ${gap.attrs.unit ?? ''}`.trim() : 'text');
  return `[${extent} not declassified]`;
}
