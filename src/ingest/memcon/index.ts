/**
 * US records (memcons, telcons, memoranda) from plain text, page by page: structure,
 * classification, declassification and redactions. Pure functions; readers do the I/O.
 */
export { DEFAULT_COLLECTION, parseRecord, type RecordOptions } from './build.ts';
export { pagesOfText } from './lines.ts';
export { looksLikeRecord } from './detect.ts';
export { BOX_MARK } from './patterns.ts';
