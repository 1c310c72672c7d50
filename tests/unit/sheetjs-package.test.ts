// The SheetJS build the app ships (@e965/xlsx, a third party's republish of SheetJS 0.20.3 —
// README "Dependency decisions") is the release it says, with the fix for CVE-2023-30533: a
// workbook whose comment points at "__proto__" (the advisory's attack) pollutes nothing.
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';

describe('the SheetJS package', () => {
  it('is SheetJS 0.20.3', () => {
    expect(XLSX.version).toBe('0.20.3');
  });

  it('reads a comment on "__proto__" without touching Object.prototype', () => {
    const sheet = XLSX.utils.aoa_to_sheet([['a', 1]]);
    sheet.A1!.c = [{ a: 'x', t: 'ghi chú' }];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'S');
    // The library's own ZIP reader and writer (its CFB module) edit the comment's cell.
    const zip = XLSX.CFB.read(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }), {
      type: 'buffer',
    });
    let patched = 0;
    zip.FullPaths.forEach((name: string, i: number) => {
      if (!/comments\d*\.xml$/.test(name)) return;
      const entry = zip.FileIndex[i]!;
      const xml = Buffer.from(entry.content).toString('utf8');
      entry.content = Buffer.from(xml.replaceAll('ref="A1"', 'ref="__proto__"'));
      patched += 1;
    });
    expect(patched).toBe(1);
    XLSX.read(XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip' }), { type: 'buffer' });
    expect(Object.prototype).not.toHaveProperty('c');
    expect(({} as Record<string, unknown>).c).toBeUndefined();
  });
});
