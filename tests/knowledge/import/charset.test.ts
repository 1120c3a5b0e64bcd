import { describe, expect, it } from 'vitest';
import { charsetFromContentType, charsetFromMeta, decodePage } from '../../../src/knowledge/import/charset.ts';

const latin = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));
/** "café “quoted”" in windows-1252: é is E9, the curly quotes 93 and 94. */
const CAFE_1252 = Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x64, 0x94]);

describe('charsetFromContentType', () => {
  it('reads the charset parameter, quoted or not, in any case', () => {
    expect(charsetFromContentType('text/html; charset=ISO-8859-1')).toBe('iso-8859-1');
    expect(charsetFromContentType('text/html;charset="windows-1252"')).toBe('windows-1252');
    expect(charsetFromContentType('text/html')).toBeUndefined();
    expect(charsetFromContentType(null)).toBeUndefined();
  });
});

describe('charsetFromMeta', () => {
  it('reads <meta charset> and the http-equiv form', () => {
    expect(charsetFromMeta(latin('<html><head><meta charset="windows-1252"></head>'))).toBe('windows-1252');
    expect(charsetFromMeta(latin('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'))).toBe('iso-8859-1');
    expect(charsetFromMeta(latin('<meta name="x" content="y">'))).toBeUndefined();
  });
});

describe('decodePage', () => {
  it('decodes windows-1252 named by the header', () => {
    expect(decodePage(CAFE_1252, 'text/html; charset=windows-1252', true)).toEqual({ text: 'café “quoted”', charset: 'windows-1252' });
  });

  it('decodes windows-1252 named by the page when the header says nothing, and takes iso-8859-1 as windows-1252 as browsers do', () => {
    const page = Uint8Array.from([...latin('<meta charset="iso-8859-1">'), ...CAFE_1252]);
    const decoded = decodePage(page, 'text/html', true);
    expect(decoded.text).toContain('café “quoted”');
    expect(decoded.charset).toBe('windows-1252');
  });

  it('lets the header win over the page, and a byte order mark over both', () => {
    const page = Uint8Array.from([...latin('<meta charset="utf-8">'), ...CAFE_1252]);
    expect(decodePage(page, 'text/html; charset=windows-1252', true).text).toContain('café');
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('café')]);
    expect(decodePage(bom, 'text/html; charset=windows-1252', true).text).toBe('café');
  });

  it('takes bytes that name no encoding as UTF-8 when they are valid UTF-8, else as windows-1252', () => {
    expect(decodePage(Uint8Array.from(Buffer.from('café “ok”')), null, false)).toEqual({ text: 'café “ok”', charset: 'utf-8' });
    expect(decodePage(CAFE_1252, null, false)).toEqual({ text: 'café “quoted”', charset: 'windows-1252' });
  });

  it('falls back to UTF-8 for an unknown label', () => {
    expect(decodePage(Uint8Array.from(Buffer.from('café')), 'text/html; charset=x-klingon', true)).toEqual({ text: 'café', charset: 'utf-8' });
  });
});
