// Word documents: a framework table inside a decision (.docx) reads as the same table in a
// spreadsheet — merged cells empty, line breaks kept, the annex's titles above — and loads as a
// framework; a PDF, or a document with no table, is refused with what to load instead.
// Fixtures: tests/fixtures/docx/README.md (made with LibreOffice from the .html/.csv beside them).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataTablesFirst, docxTables, readDocxTables } from '../../src/lib/ingest/docxTables';
import { IngestError } from '../../src/lib/ingest/errors';
import { officeFormat, sniffFile, SNIFF_BYTES } from '../../src/lib/ingest/sniffFile';
import { readWorkbookHere, sheetRecords } from '../../src/lib/ingest/workbook';
import { fileAt, freshWorkspace, inputFile, ROOT } from './support/workspace';

const DIR = 'tests/fixtures/docx';
const bytesOf = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(path.join(ROOT, DIR, name)));

const TITLES = [
  'ỦY BAN NHÂN DÂN TỈNH MINH HỌA',
  'BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CẤP HUYỆN',
  '(Kèm theo Quyết định số /QĐ-UBND ngày tháng năm 2024 của UBND tỉnh Minh Họa)',
];
const METHOD_1_1 =
  'BCĐ họp 4 lần/năm: 20 điểm\nBCĐ họp 3 lần/năm: 15 điểm\nBCĐ họp 2 lần/năm: 10 điểm\nCòn lại: 0 điểm';
const METHOD_1_2 =
  'a = Số cán bộ, công chức được tập huấn kỹ năng số trong năm;\nb = Tổng số cán bộ, công chức của huyện;\nTỷ lệ = a/b;\nĐiểm = Tỷ lệ × Điểm tối đa';

/** A document.xml around a body, as Word writes it. */
const doc = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}</w:body></w:document>`;
const p = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const tc = (inner: string, props = ''): string =>
  `<w:tc><w:tcPr><w:tcW w:w="100" w:type="dxa"/>${props}</w:tcPr>${inner}</w:tc>`;
const tr = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]): string =>
  `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>${rows.join('')}</w:tbl>`;

describe('reading the tables of a .docx', () => {
  it('reads the fixture decision: one sheet per table, merges empty, line breaks kept, titles above', async () => {
    const sheets = await readDocxTables(bytesOf('bo-chi-so-cap-huyen.docx'));
    expect(sheets.map((s) => s.name)).toEqual(['Bảng 1', 'Bảng 2']);
    // The decision's heading, laid out as a two-column table: nothing above it.
    expect(sheets[0]!.rows).toEqual([
      [
        'ỦY BAN NHÂN DÂN\nTỈNH MINH HỌA',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc',
      ],
      ['Số: /QĐ-UBND', 'Minh Họa, ngày tháng năm 2024'],
    ]);
    // The annex starts after a page break: the decision's body and signature are not its titles.
    expect(sheets[1]!.rows).toEqual([
      [TITLES[0], null, null, null, null],
      [TITLES[1], null, null, null, null],
      [TITLES[2], null, null, null, null],
      [
        'STT',
        'Chỉ số/Chỉ số thành phần',
        'Điểm tối đa',
        'Cách xác định và tính điểm',
        'Tài liệu kiểm chứng',
      ],
      // colspan=2: the text in the first column, the covered column empty.
      ['1', 'Nhận thức số', '40', 'Điểm của chỉ số là tổng điểm các chỉ số thành phần', null],
      [
        '1.1',
        'Ban Chỉ đạo chuyển đổi số của huyện họp định kỳ',
        '20',
        METHOD_1_1,
        // "&amp;" decoded; a <br> in the cell is a line break.
        'Thông báo kết luận các cuộc họp & báo cáo\ncủa Ban Chỉ đạo',
      ],
      // rowspan=2: the text stays in the first row of the merge.
      ['1.2', 'Tỷ lệ cán bộ, công chức cấp huyện được tập huấn kỹ năng số', '20', METHOD_1_2, null],
    ]);
  });

  it('reads as the same table typed into a spreadsheet', async () => {
    const [docxTable] = dataTablesFirst(await readDocxTables(bytesOf('bo-chi-so-cap-huyen.docx')));
    const [sheet] = await readWorkbookHere(bytesOf('bo-chi-so-cap-huyen.xlsx'));
    expect(sheetRecords(docxTable!)).toEqual(sheetRecords(sheet!));
  });

  it('finds no table in a document without one', async () => {
    expect(await readDocxTables(bytesOf('van-ban-khong-co-bang.docx'))).toEqual([]);
  });

  it('decodes entities, keeps white space only where xml:space says, and reads tabs and breaks', () => {
    const [sheet] = docxTables(
      doc(
        tbl(
          tr(
            tc(
              // A tab stop in the paragraph's properties is not a tab in the text.
              `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>` +
                `<w:r><w:t xml:space="preserve">a &amp; b </w:t></w:r><w:r><w:t>  c  </w:t></w:r>` +
                `<w:r><w:tab/><w:t>&#273;&#x1EC3;m &lt;&gt;&quot;&apos; &unknown; AT&amp;T</w:t><w:br/><w:t>d</w:t><w:cr/><w:t>e</w:t></w:r></w:p>`,
            ),
            // An attribute value may hold ">"; comments and CDATA are not tags.
            tc(
              `<w:p w14:paraId="x>y"><!-- <w:t>not text</w:t> --><w:r><w:t><![CDATA[<x> & y]]></w:t></w:r></w:p>`,
            ),
          ),
        ),
      ),
    );
    expect(sheet!.rows).toEqual([['a & b c đểm <>"\' &unknown; AT&T\nd\ne', '<x> & y']]);
  });

  it('reads merges: gridSpan, vMerge, the old hMerge, and grid columns a row skips', () => {
    const [sheet] = docxTables(
      doc(
        tbl(
          tr(tc(p('A1')), tc(p('B1')), tc(p('C1'))),
          tr(tc(p('A2'), '<w:gridSpan w:val="2"/>'), tc(p('C2'), '<w:vMerge w:val="restart"/>')),
          tr(
            tc(p('A3'), '<w:hMerge w:val="restart"/>'),
            tc(p('ignored'), '<w:hMerge/>'),
            tc(p('ignored'), '<w:vMerge/>'),
          ),
          `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p('B4'))}${tc('<w:p/>')}</w:tr>`,
        ),
      ),
    );
    expect(sheet!.rows).toEqual([
      ['A1', 'B1', 'C1'],
      ['A2', null, 'C2'],
      ['A3', null, null],
      [null, 'B4', null],
    ]);
  });

  it('joins a nested table’s text into its cell, and leaves out text boxes, fallbacks and deletions', () => {
    const nested = tbl(tr(tc(p('x')), tc(p('y'))));
    const textBox =
      `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p('box')}</w:txbxContent></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><w:txbxContent>${p('box')}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const sheets = docxTables(
      doc(
        tbl(
          tr(
            tc(`${p('before')}${nested}${p('after')}`),
            tc(
              `<w:p><w:r><w:t>kept</w:t></w:r>${textBox}<w:del><w:r><w:delText>gone</w:delText><w:tab/></w:r></w:del><w:ins><w:r><w:t xml:space="preserve"> new</w:t></w:r></w:ins></w:p>`,
            ),
          ),
        ),
      ),
    );
    expect(sheets).toHaveLength(1);
    expect(sheets[0]!.rows).toEqual([['before\nx\ny\nafter', 'kept new']]);
  });

  it('reads an equation’s text, a fraction as numerator/denominator', () => {
    const math =
      '<m:oMath><m:r><m:t xml:space="preserve">Tỷ lệ = </m:t></m:r><m:f><m:num><m:r><m:t>a</m:t></m:r></m:num><m:den><m:r><m:t>b</m:t></m:r></m:den></m:f></m:oMath>';
    const [sheet] = docxTables(doc(tbl(tr(tc(`<w:p>${math}</w:p>`)))));
    expect(sheet!.rows).toEqual([['Tỷ lệ = a/b']]);
  });

  it('keeps at most six paragraphs above a table, none from before the last table or a page break', () => {
    const body = [
      ...['t1', 't2', 't3', 't4', 't5', 't6', 't7'].map(p),
      '<w:p/>',
      tbl(tr(tc(p('first')))),
      p('between'),
      `<w:p><w:r><w:t>old page</w:t><w:br w:type="page"/><w:t>new page</w:t></w:r></w:p>`,
      tbl(tr(tc(p('second')))),
      p('end of a section'),
      `<w:p><w:pPr><w:sectPr><w:type w:val="nextPage"/></w:sectPr></w:pPr>${p('last of it').slice(5, -6)}</w:p>`,
      `<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>annex</w:t></w:r></w:p>`,
      tbl(tr(tc(p('third')), tc(p('3b')))),
      p('same page'),
      `<w:p><w:pPr><w:sectPr><w:type w:val="continuous"/></w:sectPr></w:pPr>${p('columns').slice(5, -6)}</w:p>`,
      tbl(tr(tc(p('fourth')))),
    ];
    const sheets = docxTables(doc(body.join('')));
    expect(sheets.map((s) => s.rows)).toEqual([
      [['t2'], ['t3'], ['t4'], ['t5'], ['t6'], ['t7'], ['first']],
      [['new page'], ['second']],
      [
        ['annex', null],
        ['third', '3b'],
      ],
      [['same page'], ['columns'], ['fourth']],
    ]);
  });

  it('looks for data in wider tables first: a decision’s heading and signature are two columns', () => {
    const sheets = [
      { name: 'Bảng 1', rows: [['UBND', 'CỘNG HÒA']] },
      { name: 'Bảng 2', rows: [['STT', 'Chỉ số', 'Điểm tối đa']] },
      { name: 'Bảng 3', rows: [['Nơi nhận', 'CHỦ TỊCH']] },
    ];
    expect(dataTablesFirst(sheets).map((s) => s.name)).toEqual(['Bảng 2', 'Bảng 1', 'Bảng 3']);
  });
});

describe('telling a .docx from an .xlsx', () => {
  it('by the Word body in the ZIP: in the directory, or in the first bytes alone', () => {
    const docx = bytesOf('bo-chi-so-cap-huyen.docx');
    const xlsx = bytesOf('bo-chi-so-cap-huyen.xlsx');
    expect(officeFormat(docx)).toBe('docx');
    expect(officeFormat(xlsx)).toBe('xlsx');
    expect(sniffFile('quyet-dinh.xlsx', docx)).toEqual({ kind: 'docx' });
    expect(sniffFile('bang.docx', xlsx.subarray(0, SNIFF_BYTES), xlsx.length)).toEqual({
      kind: 'xlsx',
    });
    // LibreOffice writes each entry's sizes after its data; the local headers still show the
    // names, so the first 2,000 bytes (before the directory) are enough.
    expect(officeFormat(docx.subarray(0, 2000))).toBe('docx');
  });
});

describe('loading a .docx', () => {
  it('loads the decision’s framework table as a framework', async () => {
    const ws = await freshWorkspace();
    const report = await ws.loadFile(fileAt(`${DIR}/bo-chi-so-cap-huyen.docx`));
    expect(report.shape).toBe('framework');
    expect(report.sheet).toBe('Bảng 2');
    expect(report.sheets).toEqual(['Bảng 1', 'Bảng 2']);
    const definition = report.framework!.definition;
    expect(definition.level).toBe('huyen');
    expect(definition.indicators.map((i) => i.code)).toEqual(['1.1', '1.2']);
    expect(definition.indicators.map((i) => i.maxPoints)).toEqual([20, 20]);
    // The annex titles reached the title reader as the sheet's title rows.
    expect(report.skippedRows.filter((r) => r.reason === 'title').map((r) => r.text)).toEqual(
      TITLES,
    );
    // The methods reached the rule reader whole, line breaks and all.
    expect(report.framework!.rules.map((r) => r.method)).toEqual([METHOD_1_1, METHOD_1_2]);
  });

  it('loads the same framework as the table in a spreadsheet', async () => {
    const load = async (file: string, name: string) =>
      (await freshWorkspace()).loadFile(fileAt(`${DIR}/${file}`, name));
    const fromWord = await load('bo-chi-so-cap-huyen.docx', 'bo-chi-so.docx');
    const fromExcel = await load('bo-chi-so-cap-huyen.xlsx', 'bo-chi-so.xlsx');
    const { decision: _w, ...word } = fromWord.framework!.definition;
    const { decision: _e, ...excel } = fromExcel.framework!.definition;
    expect(word).toEqual(excel);
    expect(fromWord.skippedRows).toEqual(fromExcel.skippedRows);
  });
});

describe('files that hold no table to read', () => {
  const refused = async (name: string, bytes = bytesOf(name)): Promise<IngestError> => {
    const ws = await freshWorkspace();
    const e = await ws.loadFile(inputFile(name, bytes)).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(IngestError);
    return e as IngestError;
  };

  it('a PDF: not read; ask for the Word or Excel copy of the decision or form', async () => {
    const e = await refused('bo-chi-so-cap-huyen.pdf');
    expect(e.code).toBe('pdf');
    expect(e.at).toEqual({ file: 'bo-chi-so-cap-huyen.pdf' });
    expect(e.text.vi).toContain('Đây là tệp PDF: ứng dụng không đọc PDF');
    expect(e.text.vi).toContain(
      'Hãy xin bản Word (.docx) hoặc Excel (.xlsx) của quyết định/biểu mẫu',
    );
    expect(e.text.en).toContain('This is a PDF: the app does not read PDF');
    expect(e.text.en).toContain(
      'Ask for the Word (.docx) or Excel (.xlsx) copy of the decision or form',
    );
  });

  it('a PDF named .xlsx is still a PDF', async () => {
    const e = await refused('bo-chi-so.xlsx', bytesOf('bo-chi-so-cap-huyen.pdf'));
    expect(e.code).toBe('pdf');
    expect(e.at.file).toBe('bo-chi-so.xlsx');
  });

  it('a Word document without a table: says so, and what to load instead', async () => {
    const e = await refused('van-ban-khong-co-bang.docx');
    expect(e.code).toBe('noTableInDocx');
    expect(e.at).toEqual({ file: 'van-ban-khong-co-bang.docx' });
    expect(e.text.vi).toMatch(/^Văn bản Word không có bảng nào\./);
    expect(e.text.vi).toContain('hãy nạp tệp phụ lục có bảng');
    expect(e.text.en).toMatch(/^The Word document holds no table\./);
    expect(e.text.en).toContain('load the annex file that holds the table');
  });

  it('a Word document cut short is a damaged Word document, not a damaged Excel file', async () => {
    const whole = bytesOf('bo-chi-so-cap-huyen.docx');
    const e = await refused('cat-doi.docx', whole.slice(0, Math.floor(whole.length / 2)));
    expect(e.code).toBe('corruptDocx');
    expect(e.text.vi).toMatch(/^Văn bản Word bị hỏng/);
    expect(e.text.en).toMatch(/^The Word document is damaged/);
  });
});
