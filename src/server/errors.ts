/**
 * Every failure leaves the server as one JSON shape, `{"error": {code, status, message}}`,
 * with a VBT_ERR_ code from src/errors.ts and a message that says what to change. Fastify's
 * own errors (validation, body size, media type, bad JSON) are mapped onto those codes so a
 * client only ever sees ours. Pages get the same error rendered as HTML.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isVerbatimError, VerbatimError } from '../errors.ts';
import { renderErrorPage } from '../web/pages/error.ts';
import { SECURITY_HEADERS } from './security.ts';

export interface ErrorBody {
  error: { code: string; status: number; message: string };
}

export const ERROR_SCHEMA = {
  $id: 'Error',
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'status', 'message'],
      properties: {
        code: { type: 'string', description: 'A VBT_ERR_ code, listed in docs/errors.md' },
        status: { type: 'integer' },
        message: { type: 'string', description: 'What went wrong and what to change' },
      },
    },
  },
} as const;

/** Responses every route may give, merged into each route's schema by the OpenAPI generator. */
export const COMMON_ERROR_STATUSES = [400, 404, 413, 415, 429, 500, 503] as const;

interface AjvIssue {
  keyword?: string;
  instancePath?: string;
  schemaPath?: string;
  message?: string;
  params?: { allowedValues?: unknown[]; missingProperty?: string; additionalProperty?: string };
  /** The failing keyword's schema (Ajv's verbose mode). */
  schema?: unknown;
}

/** The field names of a oneOf made of `{required: [name]}` alternatives ("text or html"). */
function oneOfFields(schema: unknown): string[] | undefined {
  if (!Array.isArray(schema)) return undefined;
  const names = schema.map((alternative: { required?: unknown }) =>
    Array.isArray(alternative.required) && alternative.required.length === 1 ? String(alternative.required[0]) : undefined,
  );
  return names.every((name): name is string => name !== undefined) ? names : undefined;
}

/** "querystring.format must be one of: chicago, bibtex, csl-json" rather than Ajv's bare text. */
function describeValidation(error: FastifyError): string {
  const context = error.validationContext ?? 'request';
  // The alternatives of a oneOf each report their own failure; the oneOf says it better.
  const issues = ((error.validation ?? []) as AjvIssue[]).filter((issue) => !issue.schemaPath?.includes('/oneOf/'));
  return issues
    .map((issue) => {
      const field = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
      const where = field ? `${context}.${field}` : context;
      const exclusive = issue.keyword === 'oneOf' ? oneOfFields(issue.schema) : undefined;
      if (exclusive) return `${where} needs exactly one of the fields ${exclusive.map((f) => `"${f}"`).join(' or ')}`;
      if (issue.params?.allowedValues) return `${where} must be one of: ${issue.params.allowedValues.join(', ')}`;
      if (issue.params?.missingProperty) return `${where} needs the field "${issue.params.missingProperty}"`;
      if (issue.params?.additionalProperty) return `${where} has an unknown field "${issue.params.additionalProperty}"`;
      return `${where} ${issue.message ?? 'is invalid'}`;
    })
    .join('; ');
}

/** Maps anything thrown in a request to a VerbatimError (keeping the original as cause). */
export function toVerbatimError(error: unknown, bodyLimit: number): VerbatimError {
  if (isVerbatimError(error)) return error;
  const fastifyError = error as Partial<FastifyError>;
  switch (fastifyError.code) {
    case 'FST_ERR_VALIDATION':
      return new VerbatimError('VBT_ERR_REQUEST_INVALID', [describeValidation(error as FastifyError)], { cause: error });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new VerbatimError('VBT_ERR_BODY_TOO_LARGE', [String(bodyLimit)], { cause: error });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new VerbatimError(
        'VBT_ERR_MEDIA_TYPE',
        [String(fastifyError.message?.split(': ')[1] ?? 'this type'), 'application/json, text/plain, text/html'],
        { cause: error },
      );
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new VerbatimError('VBT_ERR_REQUEST_INVALID', [`a path segment is longer than ${MAX_PATH_PARAM_LENGTH} characters; no Verbatim id is that long`], { cause: error });
    case 'FST_ERR_BAD_URL':
      return new VerbatimError('VBT_ERR_REQUEST_INVALID', ['the URL is malformed (check its percent-encoding)'], { cause: error });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new VerbatimError('VBT_ERR_REQUEST_INVALID', ['the JSON body is empty'], { cause: error });
  }
  if (error instanceof SyntaxError || fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new VerbatimError('VBT_ERR_REQUEST_INVALID', [`the body is not valid JSON (${(error as Error).message})`], {
      cause: error,
    });
  }
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    return new VerbatimError('VBT_ERR_REQUEST_INVALID', [fastifyError.message ?? 'bad request'], { cause: error });
  }
  return new VerbatimError('VBT_ERR_INTERNAL', [], { cause: error });
}

/** JSON for the API and for `.json` twins; HTML for a browser asking for a page. */
export function wantsHtml(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  if (path.startsWith('/api/') || path.endsWith('.json')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

export function errorBody(error: VerbatimError): ErrorBody {
  return { error: { code: error.code, status: error.status, message: error.message } };
}

/** The router refuses longer path parameters before any route (or hook) runs. */
export const MAX_PATH_PARAM_LENGTH = 256;

function send(request: FastifyRequest, reply: FastifyReply, error: VerbatimError): FastifyReply {
  // Set here as well as in the onSend hook: router-level errors reply before hooks are bound.
  reply.code(error.status).headers(SECURITY_HEADERS);
  if (wantsHtml(request)) return reply.type('text/html; charset=utf-8').send(renderErrorPage(error).value);
  return reply.type('application/json; charset=utf-8').send(errorBody(error));
}

/** Fastify's `frameworkErrors` option: the router's own errors (bad URL, overlong id) in our shape. */
export function frameworkErrorHandler(bodyLimit: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    send(request, reply, toVerbatimError(error, bodyLimit));
  };
}

export function errorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error, request, reply) => {
    const mapped = toVerbatimError(error, bodyLimit);
    // Internal failures are logged with their cause; a client error is the client's to fix.
    if (mapped.status >= 500) request.log.error({ err: error }, mapped.message);
    return send(request, reply, mapped);
  });
  app.setNotFoundHandler((request, reply) =>
    send(request, reply, new VerbatimError('VBT_ERR_ROUTE_NOT_FOUND', [request.method, request.url.split('?')[0] ?? '/'])),
  );
}
