// A large UTF-8 file is read in chunks and handed to DuckDB as the Blob it is; any file whose
// bytes are not already the UTF-8 of NFC text is read whole and handed over re-encoded. Either
// way DuckDB reads the same text, and the head and line map are those of the whole text.
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/lib/db/engine';
import { inputFile } from './support/workspace';
import { readText } from '../../src/lib/ingest/readText';

const CHUNK = 8 * 1024 ** 2;
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** What readText hands to the engine, as the text DuckDB would read. */
async function handedOver(bytes: Uint8Array, encoding?: 'utf-8' | 'windows-1258') {
  const got: { data?: Uint8Array | Blob } = {};
  const engine = {
    registerFile: async (_: string, d: Uint8Array | Blob) => void (got.data = d),
  } as unknown as Engine;
  const read = await readText(inputFile('x.csv', bytes), 2_000_000, encoding ? { encoding } : {});
  await read.register(engine, 'x.csv');
  const data = got.data!;
  const asBytes = data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : data;
  return { read, asBlob: data instanceof Blob, text: new TextDecoder().decode(asBytes) };
}

/** A CSV just over two chunks, with `at` put so its first byte is the chunk's last or next. */
function twoChunks(at: string, firstByteAt = CHUNK): string {
  const header = 'ma_xa,ten\n';
  const row = '17986,Xã Khánh Sơn\n';
  const rows = Math.floor((firstByteAt - header.length) / utf8(row).length);
  const body = header + row.repeat(rows);
  const pad = firstByteAt - utf8(body).length - 'x,'.length;
  return `${body}x,${'y'.repeat(pad)}${at}\n${row.repeat(10)}`;
}

describe('reading a text file', () => {
  it('hands a UTF-8 file in NFC over as its Blob, a letter split between chunks included', async () => {
    // "ơ" is two bytes: the chunk ends between them.
    const text = twoChunks('ơ', CHUNK - 1);
    const { read, asBlob, text: seen } = await handedOver(utf8(text));
    expect(asBlob).toBe(true);
    expect(seen).toBe(text);
    expect(read.encoding).toBe('utf-8');
    expect(read.head.startsWith('ma_xa,ten\n17986,Xã Khánh Sơn\n')).toBe(true);
    // The head ends at a line break, short of the line the chunk cut.
    expect(read.head.endsWith('\n')).toBe(true);
    expect(read.head.length).toBeLessThan(CHUNK);
    // Every line counted across the chunks: the header, the rows, the long line and ten more.
    const lines = read.lines.lines(2).recordLines;
    expect(lines.length).toBe(text.split('\n').length - 2);
    expect(lines.at(-1)).toBe(text.split('\n').length - 1);
  });

  it('reads a file with a BOM as UTF-8 with BOM, without the BOM in the head', async () => {
    const { read, asBlob } = await handedOver(utf8('\uFEFFma_xa,ten\n17986,Xã Khánh Sơn\n'));
    expect(asBlob).toBe(true);
    expect(read.encoding).toBe('utf-8-bom');
    expect(read.head.startsWith('ma_xa')).toBe(true);
  });

  it('reads whole, and hands over in NFC, a file whose letters are not in NFC', async () => {
    const { asBlob, text } = await handedOver(utf8('ma_xa,ten\n17986,Xa\u0303 Kha\u0301nh\n'));
    expect(asBlob).toBe(false);
    expect(text).toBe('ma_xa,ten\n17986,Xã Khánh\n');
  });

  it('reads whole a file whose combining mark opens a chunk: NFC joins it to the letter before', async () => {
    const text = twoChunks('a\u0301', CHUNK - 1);
    const { asBlob, text: seen } = await handedOver(utf8(text));
    expect(asBlob).toBe(false);
    expect(seen).toBe(text.normalize('NFC'));
    expect(seen).toContain('yá\n');
  });

  it('reads whole a file that stops being UTF-8 past its first chunk (a mixed file)', async () => {
    const head = utf8(twoChunks('', CHUNK + 100));
    // A Windows-1258 line at the end: "Xã" as X, a, combining tilde (0xDE).
    const legacy = Uint8Array.from([...'17989,Xa'].map((c) => c.charCodeAt(0)).concat([0xde, 10]));
    const bytes = new Uint8Array(head.length + legacy.length);
    bytes.set(head);
    bytes.set(legacy, head.length);
    const { read, asBlob, text } = await handedOver(bytes);
    expect(asBlob).toBe(false);
    expect(read.encoding).toBe('utf-8+windows-1258');
    expect(text.endsWith('17989,Xã\n')).toBe(true);
  });

  it('reads whole a file in the encoding the person chose', async () => {
    const { read, asBlob } = await handedOver(utf8('ma_xa,ten\n17986,Khanh\n'), 'windows-1258');
    expect(asBlob).toBe(false);
    expect(read.encoding).toBe('windows-1258');
  });
});
