import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidByte } from '../../src/knowledge/decode.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('decodeUtf8', () => {
  it('decodes UTF-8 in every script, astral characters included', () => {
    const text = 'Putin · Путин · 푸틴 · 𝔘𝔫𝔦 · 🇷🇺';
    expect(decodeUtf8('a.md', new TextEncoder().encode(text))).toEqual({ ok: true, text });
  });

  it('names the line and the byte of the first byte that is not UTF-8', () => {
    const result = decodeUtf8('qa.yaml', Buffer.concat([Buffer.from('ok\nab'), bytes(0xff), Buffer.from('\n')]));
    expect(result).toEqual({
      ok: false,
      problem: { file: 'qa.yaml', message: 'is not UTF-8: line 2, byte 3 of that line (byte 5 of the file) is 0xFF; save the file as UTF-8' },
    });
  });

  it('finds overlong forms, surrogates, truncated sequences and code points past U+10FFFF', () => {
    expect(firstInvalidByte(bytes(0x41, 0xc0, 0xaf))).toBe(1); // overlong "/"
    expect(firstInvalidByte(bytes(0xed, 0xa0, 0x80))).toBe(0); // U+D800
    expect(firstInvalidByte(bytes(0x41, 0x42, 0xe2, 0x82))).toBe(2); // cut short
    expect(firstInvalidByte(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // U+110000
    expect(firstInvalidByte(new TextEncoder().encode('€ 𝔘 ok'))).toBe(-1);
  });

  it('refuses UTF-16, as a file saved by some editors is', () => {
    const utf16 = Buffer.from('\ufefftitle', 'utf16le');
    expect(decodeUtf8('article.md', utf16).ok).toBe(false);
  });
});
