/**
 * FRUS volumes in TEI. A file is read twice, streaming both times: first to prove it whole
 * (well-formed, UTF-8, TEI, no DOCTYPE, at least one document), then to build documents one
 * `<div type="document">` at a time, so a broken volume stores nothing and memory stays
 * bounded by the largest single document whatever the size of the volume.
 */
import { stat } from 'node:fs/promises';
import { VerbatimError } from '../../errors.ts';
import type { Probe, ReadContext, ReadItem, Reader } from '../reader.ts';
import { xmlSubtrees } from '../xml/stream.ts';
import { documentFromDiv, volumeContext } from './document.ts';
import { personsFromList, volumeFromHeader, type PersonsList, type VolumeInfo } from './volume.ts';

const TEI_NAMESPACE = 'http://www.tei-c.org/ns/1.0';

type Kept = 'header' | 'persons' | { document: string | undefined };

function isDocumentDiv(element: { name: string; attrs: Record<string, string> }): boolean {
  return element.name === 'div' && element.attrs.type === 'document';
}

export const teiReader: Reader = {
  name: 'tei',
  extensions: ['xml', 'tei'],
  mimeTypes: ['application/tei+xml', 'application/xml', 'text/xml'],

  score(probe: Probe): number {
    const head = probe.head.toString('utf8', 0, Math.min(probe.head.length, 4096));
    // Only a file that is XML from its first character: a Markdown page quoting <TEI> is not TEI.
    if (!/^\uFEFF?\s*</.test(head)) return -1;
    if (head.includes(TEI_NAMESPACE) || /<TEI[\s>]/.test(head)) return 100;
    // Any XML is offered to this reader so that a non-TEI file gets a precise "not TEI" error.
    if (/^\s*(?:\uFEFF)?<(?:\?xml|!DOCTYPE|[A-Za-z])/.test(head)) return 10;
    return -1;
  },

  async *read(path: string, context: ReadContext): AsyncIterable<ReadItem> {
    const size = await fileSize(path);
    await validate(path, (done) => context.progress?.(done / 2, size, 'bytes'));

    let rootId: string | undefined;
    let volume: VolumeInfo | undefined;
    let persons: PersonsList = new Map();
    let page: string | undefined;
    let volumeCtx: ReturnType<typeof volumeContext> | undefined;
    const subtrees = xmlSubtrees<Kept>(path, {
      rootElement: (root) => {
        rootId = root.attrs['xml:id'];
      },
      // A document starts on the page of the last page break before it, wherever that stood.
      observe: (element) => {
        if (element.name === 'pb') page = element.attrs.n ?? page;
      },
      keep: (element, depth) => {
        if (depth === 1 && element.name === 'teiHeader') return 'header';
        if (element.name === 'div' && element.attrs['xml:id'] === 'persons') return 'persons';
        if (isDocumentDiv(element)) return { document: page };
        return undefined;
      },
      progress: (done) => context.progress?.(size / 2 + done / 2, size, 'bytes'),
    });
    for await (const { element, tag } of subtrees) {
      if (tag === 'header') {
        volume = volumeFromHeader(element, rootId);
      } else if (tag === 'persons') {
        volume ??= fallbackVolume(rootId, path);
        persons = personsFromList(element, volume.id);
        volumeCtx = undefined;
        yield { kind: 'persons', persons: [...persons.values()] };
      } else {
        volume ??= fallbackVolume(rootId, path);
        volumeCtx ??= volumeContext(volume, persons);
        const document = documentFromDiv(element, volumeCtx, tag.document);
        document.source = { origin: path, format: 'tei' };
        yield { kind: 'document', document };
      }
    }
  },
};

/** A TEI file without a header still needs an id: the root's xml:id or the file name. */
function fallbackVolume(rootId: string | undefined, path: string): VolumeInfo {
  const id = rootId ?? path.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  return { id, title: id };
}

/** The first, cheap pass: everything that would make the file unusable, before anything is stored. */
async function validate(path: string, progress: (done: number) => void): Promise<void> {
  let root: { name: string; uri: string } | undefined;
  let documents = 0;
  const pass = xmlSubtrees<never>(path, {
    rootElement: (element) => {
      root = element;
    },
    keep: (element) => {
      if (isDocumentDiv(element)) documents++;
      return undefined;
    },
    progress,
  });
  for await (const _ of pass) {
    // Nothing is kept in this pass.
  }
  if (!root || root.name !== 'TEI' || root.uri !== TEI_NAMESPACE) {
    throw new VerbatimError('VBT_ERR_NOT_TEI', [path, root?.name ?? 'none']);
  }
  if (documents === 0) throw new VerbatimError('VBT_ERR_NO_DOCUMENTS', [path]);
}

async function fileSize(path: string): Promise<number> {
  return (await stat(path)).size;
}
