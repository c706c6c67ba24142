/** The document page's data: the stored document and its citations in every format. */
import { CITATION_FORMATS, citeAll } from '../../cite/index.ts';
import { VerbatimError } from '../../errors.ts';
import type { Document } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import type { DocumentPageData } from '../../web/pages/document.ts';

export async function loadDocument(store: Store, id: string): Promise<Document> {
  const document = await store.getDocument(id);
  if (!document) throw new VerbatimError('VBT_ERR_NOT_FOUND', ['document', id]);
  return document;
}

export function citationUrl(id: string, format: string): string {
  return `/api/documents/${encodeURIComponent(id)}/citation?format=${format}`;
}

export async function documentData(store: Store, id: string): Promise<DocumentPageData> {
  const document = await loadDocument(store, id);
  const encoded = encodeURIComponent(id);
  return {
    document,
    citations: citeAll(document),
    links: {
      json: `/documents/${encoded}.json`,
      api: `/api/documents/${encoded}`,
      citations: Object.fromEntries(CITATION_FORMATS.map((format) => [format, citationUrl(id, format)])),
    },
  };
}
