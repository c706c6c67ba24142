/**
 * Running a trace for the API or the form, and keeping it: the result is saved under an id
 * derived from what was traced and what was found, so the same article against the same
 * archive always has the same permalink.
 */
import { sha256 } from '../store/content-hash.ts';
import { VerbatimError } from '../errors.ts';
import type { SavedTrace, Store } from '../store/store.ts';
import { TRACE_VERSION } from '../trace/index.ts';
import { requireTrace, type Engines, type TraceResult } from './engines.ts';


/** 16 hex digits (64 bits): short enough to share, far beyond collisions at archive scale. */
const TRACE_ID_LENGTH = 16;

export type TracedArticle = TraceResult & { id: string; permalink: string };

/** What the API and the form take: an article as text or HTML, with where it was published. */
export type ArticleInput = { text: string; url?: string } | { html: string; url?: string };

export function tracePermalink(id: string): string {
  return `/traces/${id}`;
}

function savedInput(input: ArticleInput): SavedTrace['input'] {
  return 'html' in input
    ? { format: 'html', content: input.html, ...(input.url ? { url: input.url } : {}) }
    : { format: 'text', content: input.text, ...(input.url ? { url: input.url } : {}) };
}

export async function runAndSaveTrace(store: Store, engines: Engines, input: ArticleInput): Promise<TracedArticle> {
  const content = 'html' in input ? input.html : input.text;
  if (content.trim() === '') {
    throw new VerbatimError('VBT_ERR_REQUEST_INVALID', ['the article is empty: paste its text or choose an HTML file']);
  }
  const result = await requireTrace(engines)(input);
  const saved = savedInput(input);
  // Timings differ on every run; what was traced and what was found decide the permalink.
  const { timings: _timings, ...findings } = result;
  const id = sha256(JSON.stringify([saved, findings])).slice(0, TRACE_ID_LENGTH);
  await store.putTrace({
    id, created_at: new Date().toISOString(), version: result.version, input: saved,
    result: result as unknown as Record<string, unknown>,
  });
  return { id, permalink: tracePermalink(id), ...result };
}

export async function loadTrace(store: Store, id: string): Promise<SavedTrace & { result: TraceResult }> {
  const trace = await store.getTrace(id);
  if (!trace) throw new VerbatimError('VBT_ERR_NOT_FOUND', ['trace', id]);
  // Saved with the trace result's own format version (src/trace TRACE_VERSION).
  if (trace.version !== TRACE_VERSION) {
    throw new VerbatimError('VBT_ERR_TRACE_VERSION', [id, String(trace.version), String(TRACE_VERSION)]);
  }
  return trace as unknown as SavedTrace & { result: TraceResult };
}
