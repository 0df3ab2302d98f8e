/** A reader for the protobuf wire format: varints and length-delimited fields are all Kubernetes uses. */

export interface WireField {
  readonly number: number;
  /** A varint's value, or undefined for a length-delimited field. */
  readonly varint?: bigint;
  /** A length-delimited field's bytes. */
  readonly bytes?: Buffer;
}

function readVarint(buffer: Buffer, start: number): { value: bigint; next: number } {
  let value = 0n;
  let shift = 0n;
  for (let position = start; position < buffer.length && shift < 70n; position++) {
    const byte = buffer[position] ?? 0;
    value |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
    if ((byte & 0x80) === 0) return { value, next: position + 1 };
  }
  throw new Error('truncated varint');
}

/** The fields of one message, in order. Throws on wire types Kubernetes never writes. */
export function readFields(buffer: Buffer): WireField[] {
  const fields: WireField[] = [];
  let position = 0;
  while (position < buffer.length) {
    const key = readVarint(buffer, position);
    const number = Number(key.value >> 3n);
    const wireType = Number(key.value & 7n);
    if (wireType === 0) {
      const value = readVarint(buffer, key.next);
      fields.push({ number, varint: value.value });
      position = value.next;
    } else if (wireType === 2) {
      const length = readVarint(buffer, key.next);
      const end = length.next + Number(length.value);
      if (end > buffer.length) throw new Error('truncated field');
      fields.push({ number, bytes: buffer.subarray(length.next, end) });
      position = end;
    } else {
      throw new Error(`unsupported wire type ${wireType}`);
    }
  }
  return fields;
}

/** A varint as a signed 64-bit number (negative int32s are written as 10-byte varints). */
export function signedNumber(value: bigint): number {
  return Number(BigInt.asIntN(64, value));
}
