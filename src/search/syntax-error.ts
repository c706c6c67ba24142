import { VerbatimError } from '../errors.ts';

/**
 * A malformed query: VBT_ERR_QUERY_SYNTAX with what is wrong and where. `offset` is the
 * 0-based position in the query string; the message counts characters from 1, as people do.
 */
export class QuerySyntaxError extends VerbatimError {
  readonly offset: number;

  constructor(what: string, offset: number) {
    super('VBT_ERR_QUERY_SYNTAX', [`${what} at character ${offset + 1}`]);
    this.name = 'QuerySyntaxError';
    this.offset = offset;
  }
}
