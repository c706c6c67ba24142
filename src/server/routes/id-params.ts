/** The `:id` path parameter every record route takes. */
export const MAX_ID_LENGTH = 200;

export const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: MAX_ID_LENGTH, description: 'Stable id of the record' } },
} as const;

export interface IdParams {
  Params: { id: string };
}
