import type { KnowledgeProblem } from './types.ts';

/**
 * Knowledge files are UTF-8. A file saved in another encoding (Latin-1, Windows-1252, UTF-16)
 * would otherwise be read with U+FFFD in place of every byte that is not UTF-8, and a quote
 * holding one could never match the article: refuse it, saying where the first such byte is.
 */

export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: KnowledgeProblem };

const strict = new TextDecoder('utf-8', { fatal: true });

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when it is not one. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  let length: number;
  let min: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) [length, min] = [2, 0x80];
  else if (b0 >= 0xe0 && b0 <= 0xef) [length, min] = [3, 0x800];
  else if (b0 >= 0xf0 && b0 <= 0xf4) [length, min] = [4, 0x10000];
  else return 0;
  if (i + length > bytes.length) return 0;
  let code = b0 & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const b = bytes[i + k]!;
    if ((b & 0xc0) !== 0x80) return 0;
    code = (code << 6) | (b & 0x3f);
  }
  // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
  if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return 0;
  return length;
}

/** Byte offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
export function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

export function decodeUtf8(file: string, bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++)
      if (bytes[i] === 0x0a) {
        line += 1;
        lineStart = i + 1;
      }
    const hex = `0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')}`;
    return {
      ok: false,
      problem: {
        file,
        message:
          `is not UTF-8: line ${line}, byte ${offset - lineStart + 1} of that line (byte ${offset} of the file) is ${hex}; ` +
          'save the file as UTF-8',
      },
    };
  }
}
