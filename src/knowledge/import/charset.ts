/**
 * Which text encoding a fetched page uses, and its text. The order is the HTML standard's: a
 * byte order mark, then the Content-Type header, then a `<meta>` near the start, then UTF-8 if the bytes are valid UTF-8, else windows-1252.
 * Pure.
 */

/** The HTML standard has browsers look this far for a `<meta charset>`; pages rely on it. */
const META_PRESCAN_BYTES = 1024;

export function charsetFromContentType(header: string | null | undefined): string | undefined {
  const found = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(header ?? '');
  return found?.[1]?.toLowerCase();
}

/** `<meta charset="x">` or `<meta http-equiv="Content-Type" content="text/html; charset=x">`. */
export function charsetFromMeta(bytes: Uint8Array): string | undefined {
  // Latin-1 maps every byte to one character, so offsets and ASCII markup survive any encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, META_PRESCAN_BYTES));
  for (const tag of head.matchAll(/<meta\b[^>]*>/gi)) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag[0]);
    if (direct !== null) return direct[1]!.toLowerCase();
  }
  return undefined;
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

function decoderFor(label: string | undefined): InstanceType<typeof TextDecoder> | undefined {
  if (label === undefined) return undefined;
  try {
    return new TextDecoder(label);
  } catch {
    // An unknown label: the next source of the encoding is asked instead.
    return undefined;
  }
}

/**
 * Bytes 80-9F of windows-1252 (which is also what the HTML standard makes of "iso-8859-1",
 * "latin1" and "ascii"): curly quotes, dashes, the euro sign. Node 20's TextDecoder gives them
 * as C1 control characters instead, as plain Latin-1 would; these put them right, and are a
 * no-op where the decoder already does.
 */
const WINDOWS_1252_HIGH: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({
    0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6,
    0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c,
    0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a,
    0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
  }).map(([byte, code]) => [String.fromCharCode(Number(byte)), String.fromCharCode(code)]),
);

export interface Decoded {
  readonly text: string;
  /** The WHATWG name of the encoding used, e.g. "windows-1252" for a page that said "iso-8859-1". */
  readonly charset: string;
}

/** Text that names no encoding: UTF-8 when it is valid UTF-8, else windows-1252, the legacy default of the web. */
function guessed(bytes: Uint8Array): InstanceType<typeof TextDecoder> {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return new TextDecoder('utf-8');
  } catch {
    return new TextDecoder('windows-1252');
  }
}

export function decodePage(bytes: Uint8Array, contentType: string | null | undefined, html: boolean): Decoded {
  const decoder =
    decoderFor(bomCharset(bytes)) ??
    decoderFor(charsetFromContentType(contentType)) ??
    (html ? decoderFor(charsetFromMeta(bytes)) : undefined) ??
    guessed(bytes);
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return { text, charset: decoder.encoding };
  return { text: text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c] ?? c), charset: decoder.encoding };
}
