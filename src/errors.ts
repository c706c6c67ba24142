/**
 * Every error Verbatim raises, declared once: a stable code, a message template and the HTTP
 * status the API answers with. Foreign errors are wrapped with `cause` so nothing is lost.
 * docs/errors.md lists the codes for users; a test keeps the two in step.
 */

interface ErrorSpec {
  status: number;
  message: (...args: string[]) => string;
}

export const ERRORS = {
  VBT_ERR_FILE_UNREADABLE: { status: 400, message: (path, reason) => `cannot read ${path}: ${reason}` },
  VBT_ERR_FORMAT_UNSUPPORTED: {
    status: 415,
    message: (path) => `${path}: format not supported (no reader accepts it)`,
  },
  VBT_ERR_EMPTY_FILE: { status: 400, message: (path) => `${path}: file is empty` },
  VBT_ERR_INVALID_UTF8: {
    status: 400,
    message: (path, where) => `${path}: invalid UTF-8 at byte ${where}`,
  },
  VBT_ERR_XML_MALFORMED: { status: 400, message: (path, reason) => `${path}: malformed XML: ${reason}` },
  VBT_ERR_XML_DOCTYPE: {
    status: 400,
    message: (path) => `${path}: DOCTYPE declarations are refused (entities are never expanded or fetched)`,
  },
  VBT_ERR_NOT_TEI: { status: 400, message: (path, root) => `${path}: not a TEI file (root element <${root}>)` },
  VBT_ERR_NO_DOCUMENTS: { status: 400, message: (path) => `${path}: no documents found` },
  VBT_ERR_FILE_TOO_LARGE: {
    status: 413,
    message: (path, size, limit) => `${path}: ${size} bytes is over the ${limit}-byte limit`,
  },
  VBT_ERR_PDF_ENCRYPTED: { status: 400, message: (path) => `${path}: PDF is encrypted` },
  VBT_ERR_PDF_BROKEN: { status: 400, message: (path, reason) => `${path}: cannot read PDF: ${reason}` },
  VBT_ERR_PDF_TOO_MANY_PAGES: {
    status: 413,
    message: (path, pages, limit) => `${path}: ${pages} pages is over the ${limit}-page limit`,
  },
  VBT_ERR_PDF_NO_TEXT: { status: 422, message: (path) => `${path}: no text found (no text layer and OCR read nothing)` },
  VBT_ERR_TOOL_FAILED: { status: 500, message: (tool, path, reason) => `${tool} failed on ${path}: ${reason}` },
  VBT_ERR_TEXT_ENCODING: {
    status: 400,
    message: (path, reason) => `${path}: not readable as text: ${reason}`,
  },
  VBT_ERR_ARTICLE_EMPTY: { status: 422, message: (origin) => `${origin}: no article text found` },
  VBT_ERR_HTML_TOO_COMPLEX: {
    status: 413,
    message: (origin, elements, limit) => `${origin}: ${elements} HTML elements is over the ${limit}-element limit`,
  },
  VBT_ERR_TOOL_MISSING: {
    status: 500,
    message: (tool, pkg) => `${tool} is not installed: install the Debian package ${pkg} (apt-get install ${pkg})`,
  },
  VBT_ERR_QUERY_SYNTAX: { status: 400, message: (detail) => `query: ${detail}` },
  VBT_ERR_NOT_FOUND: { status: 404, message: (what, id) => `${what} not found: ${id}` },
  VBT_ERR_STORE_VERSION: {
    status: 500,
    message: (found, wanted) => `archive schema version ${found} is not supported (this Verbatim uses ${wanted})`,
  },
  VBT_ERR_STORE_UNSUPPORTED: { status: 500, message: (location) => `cannot open archive at ${location}` },
  VBT_ERR_DOWNLOAD: { status: 502, message: (url, reason) => `download of ${url} failed: ${reason}` },
  VBT_ERR_BAD_ARGUMENT: { status: 400, message: (detail) => detail },
  // HTTP (src/server): each message says what to change.
  VBT_ERR_REQUEST_INVALID: { status: 400, message: (detail) => `invalid request: ${detail}` },
  VBT_ERR_ROUTE_NOT_FOUND: {
    status: 404,
    message: (method, url) => `no page or endpoint at ${method} ${url} (the API is listed at /api/openapi.json)`,
  },
  VBT_ERR_BODY_TOO_LARGE: {
    status: 413,
    message: (limit) => `request body is over the ${limit}-byte limit: send a shorter article or its text only`,
  },
  VBT_ERR_MEDIA_TYPE: {
    status: 415,
    message: (type, accepted) => `content type ${type} is not accepted here; send one of: ${accepted}`,
  },
  VBT_ERR_RATE_LIMITED: {
    status: 429,
    message: (max, window) => `too many traces: at most ${max} per ${window} from one address; retry later`,
  },
  VBT_ERR_UNAVAILABLE: { status: 503, message: (feature, reason) => `${feature} is not available: ${reason}` },
  VBT_ERR_INTERNAL: { status: 500, message: () => 'internal error (logged on the server); please report it' },
  VBT_ERR_TRACE_VERSION: {
    status: 500,
    message: (id, found, wanted) => `saved trace ${id} has format version ${found}; this Verbatim reads version ${wanted}`,
  },
} satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

export class VerbatimError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, args: string[] = [], options?: { cause?: unknown }) {
    const spec: ErrorSpec = ERRORS[code];
    super(spec.message(...args), options);
    this.name = 'VerbatimError';
    this.code = code;
    this.status = spec.status;
  }
}

export function isVerbatimError(error: unknown, code?: ErrorCode): error is VerbatimError {
  return error instanceof VerbatimError && (code === undefined || error.code === code);
}

/** A one-line reason for any thrown value, for per-file reports. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
