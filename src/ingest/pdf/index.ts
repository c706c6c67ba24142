/** PDF releases (text layer and scans): see pdf-reader.ts for the stages. */
export { createPdfReader, MIN_TEXT_LAYER_CHARS, pdfReader, type PdfReaderOptions } from './pdf-reader.ts';
export { OCR_DPI, OCR_LANGUAGES } from './ocr.ts';
export { TOOL_PACKAGES } from './tools.ts';
