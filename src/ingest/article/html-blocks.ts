/**
 * HTML to text blocks. A block is the text of an element that holds no other block (a
 * paragraph, a heading, a list item), or a run of loose text between blocks. Blocks keep
 * their element so a removed block can be explained by where it sat (nav, footer, an ad slot).
 */

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'BR',
]);

/** Elements whose content is never reader-visible text. */
const NON_TEXT_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE']);

const WHITESPACE = /\s+/g;

export interface HtmlBlock {
  text: string;
  /** The innermost element that holds the whole block. */
  element: Element;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export function htmlBlocks(root: Element): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  let run: string[] = [];
  let runParent: Element = root;
  const flush = () => {
    const text = run.join('').replace(WHITESPACE, ' ').trim();
    if (text) blocks.push({ text, element: runParent });
    run = [];
  };
  const walk = (element: Element) => {
    for (const child of element.childNodes) {
      if (child.nodeType === TEXT_NODE) {
        if (run.length === 0) runParent = element;
        run.push(child.textContent ?? '');
      } else if (child.nodeType === ELEMENT_NODE) {
        const tag = (child as Element).tagName.toUpperCase();
        if (NON_TEXT_TAGS.has(tag)) continue;
        if (BLOCK_TAGS.has(tag)) {
          flush();
          walk(child as Element);
          flush();
        } else {
          if (run.length === 0) runParent = element;
          walk(child as Element);
        }
      }
    }
  };
  walk(root);
  flush();
  return blocks;
}

/** Why a block outside the article was left out, from the elements around it. */
const REMOVAL_RULES: { reason: string; tags?: string[]; roles?: string[]; marker?: RegExp }[] = [
  { reason: 'advertisement', marker: /(^|[\s_-])(ads?|advert\w*|sponsor\w*|promo\w*|dfp|adsense|banner-ad|taboola|outbrain)([\s_-]|$)/i },
  { reason: 'share-buttons', marker: /(^|[\s_-])(share|sharing|social|sociallinks)([\s_-]|$)/i },
  { reason: 'related-links', marker: /(^|[\s_-])(related|recommend\w*|more-stories|read-?more|also|similar|popular|most-read)([\s_-]|$)/i },
  { reason: 'comments', marker: /(^|[\s_-])(comments?|disqus)([\s_-]|$)/i },
  { reason: 'subscription', marker: /(^|[\s_-])(subscribe|subscription|newsletter|signup|paywall)([\s_-]|$)/i },
  { reason: 'navigation', tags: ['NAV'], roles: ['navigation', 'menu', 'menubar'], marker: /(^|[\s_-])(nav|navbar|menu|breadcrumbs?)([\s_-]|$)/i },
  { reason: 'header', tags: ['HEADER'], roles: ['banner'] },
  { reason: 'footer', tags: ['FOOTER'], roles: ['contentinfo'], marker: /(^|[\s_-])(footer|copyright)([\s_-]|$)/i },
  { reason: 'sidebar', tags: ['ASIDE'], roles: ['complementary'], marker: /(^|[\s_-])(sidebar|widget)([\s_-]|$)/i },
  { reason: 'form', tags: ['FORM'] },
];

/** Falls back to this when nothing around the block explains it. */
export const UNEXPLAINED_REMOVAL = 'not-article-content';

export function removalReason(element: Element): string {
  // Innermost ancestor first: an ad inside the footer is an ad.
  for (let current: Element | null = element; current; current = current.parentElement) {
    const tag = current.tagName.toUpperCase();
    const role = current.getAttribute('role')?.toLowerCase();
    const marker = `${current.getAttribute('class') ?? ''} ${current.id ?? ''}`;
    for (const rule of REMOVAL_RULES) {
      if (rule.tags?.includes(tag) || (role && rule.roles?.includes(role)) || rule.marker?.test(marker)) return rule.reason;
    }
  }
  return UNEXPLAINED_REMOVAL;
}
