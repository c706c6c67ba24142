/**
 * A small multipart/form-data reader for the trace form (the one upload the site takes), so
 * the form works without JavaScript and without another dependency. It reads a body that
 * Fastify has already bounded by bodyLimit; parts are decoded as UTF-8 text.
 */
import { VerbatimError } from '../errors.ts';

export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  value: string;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const BOUNDARY_PARAM = /boundary=(?:"([^"]+)"|([^;\s]+))/i;
const DISPOSITION_NAME = /\bname="([^"]*)"/i;
const DISPOSITION_FILENAME = /\bfilename="([^"]*)"/i;

export function boundaryOf(contentType: string): string {
  const match = BOUNDARY_PARAM.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new VerbatimError('VBT_ERR_REQUEST_INVALID', ['multipart/form-data without a boundary']);
  return boundary;
}

export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let position = body.indexOf(delimiter);
  if (position < 0) throw new VerbatimError('VBT_ERR_REQUEST_INVALID', ['multipart body has no parts']);
  for (;;) {
    position += delimiter.length;
    // "--" after a delimiter closes the body.
    if (body[position] === 0x2d && body[position + 1] === 0x2d) break;
    if (body.subarray(position, position + 2).equals(CRLF)) position += 2;
    const headerEnd = body.indexOf(HEADER_END, position);
    const next = body.indexOf(delimiter, position);
    if (headerEnd < 0 || next < 0 || headerEnd > next) {
      throw new VerbatimError('VBT_ERR_REQUEST_INVALID', ['multipart body is truncated or malformed']);
    }
    const headers = body.subarray(position, headerEnd).toString('utf8');
    // The part's content ends with the CRLF that precedes the next delimiter.
    const content = body.subarray(headerEnd + HEADER_END.length, next - CRLF.length);
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = DISPOSITION_NAME.exec(disposition)?.[1];
    if (name !== undefined) {
      parts.push({
        name,
        filename: DISPOSITION_FILENAME.exec(disposition)?.[1],
        contentType: /content-type:\s*([^\r\n;]*)/i.exec(headers)?.[1]?.trim(),
        value: content.toString('utf8'),
      });
    }
    position = next;
  }
  return parts;
}
