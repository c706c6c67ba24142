/**
 * Streaming XML for hostile input. A file is read in chunks through a strict UTF-8 decoder
 * into saxes; DOCTYPE declarations are refused outright, so no entity is ever expanded or
 * fetched, and memory stays bounded by the largest subtree a caller asks to keep.
 */
import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { VerbatimError } from '../../errors.ts';

/** A kept subtree: just enough of a DOM for the readers, nothing more. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const CHUNK_BYTES = 256 * 1024;

export interface StreamOptions<Tag> {
  /**
   * Called at every start tag outside a kept subtree. Return a tag (any value but undefined)
   * to keep the element's subtree; it is yielded with the subtree when it closes.
   */
  keep(element: { name: string; attrs: Record<string, string> }, depth: number): Tag | undefined;
  /** Called at every start tag, inside kept subtrees too (to follow page breaks, say). */
  observe?(element: { name: string; attrs: Record<string, string> }): void;
  rootElement?(element: { name: string; attrs: Record<string, string>; uri: string }): void;
  progress?(bytesRead: number, totalBytes: number): void;
  totalBytes?: number;
}

/**
 * Parses `path` and yields each kept subtree as it closes, so a caller can store documents
 * while the rest of the file is still being read. Throws VerbatimError for any defect
 * (naming the file); subtrees yielded before a defect was found are complete and well-formed.
 */
export async function* xmlSubtrees<Tag>(path: string, options: StreamOptions<Tag>): AsyncGenerator<{ element: XmlElement; tag: Tag }> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let kept: { depth: number; tag: Tag } | undefined;
  let depth = 0;
  let rootSeen = false;
  const completed: { element: XmlElement; tag: Tag }[] = [];
  let failure: Error | undefined;

  parser.on('doctype', () => {
    failure ??= new VerbatimError('VBT_ERR_XML_DOCTYPE', [path]);
  });
  parser.on('error', (error) => {
    failure ??= new VerbatimError('VBT_ERR_XML_MALFORMED', [path, describeSaxesError(error.message)]);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attrs = attributesOf(tag);
    if (!rootSeen) {
      rootSeen = true;
      options.rootElement?.({ name: tag.local, attrs, uri: tag.uri });
    }
    options.observe?.({ name: tag.local, attrs });
    if (!kept) {
      const keepTag = options.keep({ name: tag.local, attrs }, depth);
      if (keepTag !== undefined) kept = { depth, tag: keepTag };
    }
    if (kept) {
      const element: XmlElement = { name: tag.local, attrs, children: [] };
      stack.at(-1)?.children.push(element);
      stack.push(element);
    }
    depth++;
  });
  parser.on('closetag', () => {
    depth--;
    if (!kept) return;
    const element = stack.pop();
    if (depth === kept.depth && element) {
      completed.push({ element, tag: kept.tag });
      kept = undefined;
    }
  });
  const onText = (text: string) => {
    if (kept) stack.at(-1)?.children.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytesRead = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch (error) {
      throw new VerbatimError('VBT_ERR_INVALID_UTF8', [path, String(bytesRead + firstInvalidUtf8(chunk))], { cause: error });
    }
    bytesRead += chunk.length;
    parser.write(text);
    if (failure) throw failure;
    yield* completed.splice(0);
    options.progress?.(bytesRead, options.totalBytes ?? 0);
  }
  try {
    decoder.decode();
  } catch (error) {
    throw new VerbatimError('VBT_ERR_INVALID_UTF8', [path, String(bytesRead)], { cause: error });
  }
  if (!failure) parser.close();
  if (failure) throw failure;
  if (!rootSeen) throw new VerbatimError('VBT_ERR_XML_MALFORMED', [path, 'no root element']);
  yield* completed.splice(0);
}

/** saxes says "12:3: unclosed tag: p"; a person reads "line 12, column 3: unclosed tag: p". */
function describeSaxesError(message: string): string {
  const match = /^(?:.*?:)?(\d+):(\d+): (.*)$/s.exec(message);
  return match ? `line ${match[1]}, column ${match[2]}: ${match[3]}` : message;
}

function attributesOf(tag: SaxesTagNS): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const attribute of Object.values(tag.attributes)) {
    // xml:id stays "xml:id"; other prefixed attributes (frus:doc-dateTime-min) keep their prefix too.
    attrs[attribute.name] = attribute.value;
  }
  return attrs;
}

/** Offset of the first byte of an invalid UTF-8 sequence within a chunk (for the error message). */
function firstInvalidUtf8(chunk: Buffer): number {
  const probe = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = chunk.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    try {
      probe.decode(chunk.subarray(0, mid + 1), { stream: true });
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  return low;
}

/** The text content of a node, notes included (callers strip what they don't want). */
export function textOf(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name),
  );
}

/** Depth-first search for descendants matching a predicate. */
export function findAll(element: XmlElement, predicate: (element: XmlElement) => boolean): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement) => {
    for (const child of node.children) {
      if (typeof child === 'string') continue;
      if (predicate(child)) found.push(child);
      visit(child);
    }
  };
  visit(element);
  return found;
}

/** Collapses whitespace runs as XML layout whitespace is not content. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
