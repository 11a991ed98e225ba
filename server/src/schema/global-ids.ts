// Relay global IDs: base64 of "Type:number". A malformed ID is the caller's mistake (an error
// naming the argument); a well-formed one that names nothing — an unknown type, a number out of
// range — is simply a missing node (null), never an internal error, and says nothing about
// which ids exist.
import { GraphQLError } from 'graphql';

/** The types that implement Node (checked against the schema by a test). */
export const NODE_TYPES = ['Candidate', 'Leader', 'Member', 'Organisation', 'Programme'] as const;

/** The largest id a row can have (a 32-bit integer column). */
const MAX_ID = 2 ** 31 - 1;

/** Decodes an ID; an ID that cannot exist decodes to id 0 of Organisation, which no row has. */
export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  const decoded = /^[A-Za-z0-9+/=_-]{1,100}$/.test(globalId) ? Buffer.from(globalId, 'base64').toString('utf8') : '';
  const match = /^([A-Za-z]{1,40}):(\d{1,20})$/.exec(decoded);
  if (!match)
    throw new GraphQLError(`Argument "id": ${JSON.stringify(globalId.slice(0, 100))} is not a ketnap ID`, {
      extensions: { code: 'BAD_USER_INPUT', argument: 'id' },
    });
  const [, typename = '', id = ''] = match;
  const known = (NODE_TYPES as readonly string[]).includes(typename) && Number(id) >= 1 && Number(id) <= MAX_ID;
  return known ? { typename, id } : { typename: 'Organisation', id: '0' };
}
