// The protobuf wire format, as far as OTLP needs it: varints, 64-bit fixed fields, and
// length-delimited fields (strings, bytes, nested messages). Groups are not used by OTLP.

/** Wire types of the protobuf encoding. */
export const WireType = { VARINT: 0, I64: 1, LEN: 2, I32: 5 } as const;

/** A body that is not well-formed protobuf. */
export class ProtobufDecodeError extends Error {}

/** Reads one message's fields in order; nested messages get their own reader. */
export class ProtobufReader {
  private pos = 0;
  private readonly view: DataView;

  constructor(private readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  /** Whether every field has been read. */
  atEnd(): boolean {
    return this.pos >= this.buf.length;
  }

  /** The next field's number and wire type. */
  readTag(): { field: number; wireType: number } {
    const tag = this.readVarintNumber();
    const field = Math.floor(tag / 8);
    if (field === 0) throw new ProtobufDecodeError("field number 0");
    return { field, wireType: tag % 8 };
  }

  /** A varint small enough for a number: tags, lengths, enums, counts. */
  readVarintNumber(): number {
    let result = 0;
    let multiplier = 1;
    for (let i = 0; i < 10; i++) {
      const byte = this.readByte();
      result += (byte & 0x7f) * multiplier;
      if (byte < 0x80) {
        if (!Number.isSafeInteger(result)) throw new ProtobufDecodeError("varint too large");
        return result;
      }
      multiplier *= 128;
    }
    throw new ProtobufDecodeError("varint longer than 10 bytes");
  }

  /** A varint as an unsigned 64-bit bigint. */
  readVarintBigInt(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const byte = this.readByte();
      result |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return BigInt.asUintN(64, result);
    }
    throw new ProtobufDecodeError("varint longer than 10 bytes");
  }

  /** A fixed64 field as an unsigned bigint (OTLP's nanosecond timestamps). */
  readFixed64(): bigint {
    this.need(8);
    const value = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    return value;
  }

  /** A `double` field. */
  readDouble(): number {
    this.need(8);
    const value = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return value;
  }

  /** A length-delimited field's bytes (a view, not a copy). */
  readBytes(): Uint8Array {
    const length = this.readVarintNumber();
    this.need(length);
    const bytes = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return bytes;
  }

  /** A `string` field. */
  readString(): string {
    return textDecoder.decode(this.readBytes());
  }

  /** Skips a field this decoder does not read. */
  skip(wireType: number): void {
    if (wireType === WireType.VARINT) this.readVarintBigInt();
    else if (wireType === WireType.I64) this.advance(8);
    else if (wireType === WireType.LEN) this.readBytes();
    else if (wireType === WireType.I32) this.advance(4);
    else throw new ProtobufDecodeError(`unsupported wire type ${wireType}`);
  }

  private readByte(): number {
    this.need(1);
    return this.buf[this.pos++];
  }

  private advance(n: number): void {
    this.need(n);
    this.pos += n;
  }

  private need(n: number): void {
    if (this.pos + n > this.buf.length) throw new ProtobufDecodeError("truncated message");
  }
}

const textDecoder = new TextDecoder("utf-8");

function varint(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

/** Encodes a varint field (tag and value). */
export function encodeVarintField(field: number, value: number): number[] {
  return [...varint(field * 8 + WireType.VARINT), ...varint(value)];
}

/** Encodes a length-delimited field (tag, length and bytes). */
export function encodeBytesField(field: number, bytes: Uint8Array | number[]): number[] {
  return [...varint(field * 8 + WireType.LEN), ...varint(bytes.length), ...bytes];
}
