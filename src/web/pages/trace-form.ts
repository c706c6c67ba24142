/**
 * The trace form: paste an article's text or choose its saved HTML page. It posts to /trace
 * as multipart/form-data, so it works without JavaScript; the result is saved and the
 * browser is sent to its permalink.
 */
import { formatCount } from '../components.ts';
import { html, type SafeHtml } from '../html.ts';
import { renderPage } from '../layout.ts';

export interface TraceFormData {
  /** The JSON endpoint doing the same work. */
  api: string;
  accepts: string[];
  max_bytes: number;
}

export function renderTraceForm(data: TraceFormData, jsonUrl: string): SafeHtml {
  return renderPage({
    title: 'Trace an article',
    jsonUrl,
    section: 'trace',
    body: html`<section class="trace-form-page">
  <h1>Did this article get it right?</h1>
  <p class="lede">Give Verbatim an article that reports on a declassified record. It finds the document, lines
    every quotation up against the record's own words, and marks what drifted.</p>
  <form class="trace-form" action="/trace" method="post" enctype="multipart/form-data">
    <label for="trace-text">Article text</label>
    <textarea id="trace-text" name="text" rows="14" placeholder="Paste the article here, quotations and all."></textarea>
    <div class="form-row">
      <div>
        <label for="trace-file">…or an HTML file <span class="muted">(a saved web page)</span></label>
        <input id="trace-file" type="file" name="file" accept=".html,.htm,.txt,text/html,text/plain">
      </div>
      <div>
        <label for="trace-url">Where it was published <span class="muted">(optional)</span></label>
        <input id="trace-url" type="url" name="url" placeholder="https://…">
      </div>
    </div>
    <p class="hint">Up to ${formatCount(Math.floor(data.max_bytes / 1024))} KB. The result gets a permalink you can share.</p>
    <button type="submit" class="primary">Trace quotations</button>
  </form>
  <p class="muted">The same from a script: <code>POST ${data.api}</code> with <code>{"text": …}</code> or
    <code>{"html": …, "url": …}</code>, or a raw <code>text/plain</code> or <code>text/html</code> body.</p>
</section>`,
  });
}
