/**
 * Markdown to the plain text a reader sees: markup dropped, blocks kept apart by blank lines,
 * link and image text kept, URLs dropped. Enough for documents and articles written in
 * Markdown; not a renderer.
 */

const MARKDOWN = {
  fence: /^[ \t]*(```|~~~)/,
  heading: /^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/,
  setextUnderline: /^[ \t]*(=+|-+)[ \t]*$/,
  horizontalRule: /^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$/,
  blockquote: /^[ \t]*>[ \t]?/,
  listMarker: /^([ \t]*)([-*+]|\d+[.)])[ \t]+/,
  image: /!\[([^\]]*)\]\([^)]*\)/g,
  link: /\[([^\]]+)\]\([^)]*\)/g,
  referenceDefinition: /^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$/,
  emphasis: /(\*\*|__|\*|_|~~)(?=\S)([^*_~\n]*?\S)\1/g,
  inlineCode: /`([^`\n]+)`/g,
  htmlTag: /<\/?[a-zA-Z][^>\n]*>/g,
  extraBlankLines: /\n{3,}/g,
} as const;

export interface MarkdownText {
  text: string;
  /** The first heading, when the text opens with one. */
  title?: string;
}

export function markdownToText(markdown: string): MarkdownText {
  const out: string[] = [];
  let title: string | undefined;
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (MARKDOWN.fence.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(line);
      continue;
    }
    const heading = MARKDOWN.heading.exec(line);
    if (heading) {
      const text = inline(heading[1]!);
      if (title === undefined && out.every((previous) => previous.trim() === '')) title = text;
      out.push('', text, '');
      continue;
    }
    const previous = out.at(-1)?.trim() ?? '';
    if (MARKDOWN.setextUnderline.test(line) && previous !== '') {
      // "Title\n=====": the line above was a heading.
      if (title === undefined && out.filter((kept) => kept.trim() !== '').length === 1) title = previous;
      out.push('');
      continue;
    }
    if (MARKDOWN.horizontalRule.test(line) || MARKDOWN.referenceDefinition.test(line)) {
      out.push('');
      continue;
    }
    out.push(inline(line.replace(MARKDOWN.blockquote, '').replace(MARKDOWN.listMarker, '$1')));
  }
  return { text: out.join('\n').replace(MARKDOWN.extraBlankLines, '\n\n').trim(), title };
}

function inline(text: string): string {
  return text
    .replace(MARKDOWN.image, '$1')
    .replace(MARKDOWN.link, '$1')
    .replace(MARKDOWN.inlineCode, '$1')
    .replace(MARKDOWN.emphasis, '$2')
    .replace(MARKDOWN.htmlTag, '');
}
