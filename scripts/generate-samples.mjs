// Generates the sample district (synthetic numbers, real commune names and codes) in three
// shapes: a clean wide CSV, a long CSV and a government-style XLSX. Deterministic: the same
// files every run. Usage: node scripts/generate-samples.mjs [--check]
// With --check nothing is written: it fails when a committed sample differs from the script's.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { prng } from './lib/prng.mjs';
import { columnLetter, writeXlsx } from './lib/xlsx-writer.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'data-samples');
const DISTRICT = { code: '430', name: 'Huyện Nam Đàn', place: 'Nam Đàn' };
const THACH_THANH = { code: '391', name: 'Huyện Thạch Thành', place: 'Thạch Thành' };
const THANH_CHUONG = { code: '428', name: 'Huyện Thanh Chương', place: 'Thanh Chương' };
const YEARS = [2023, 2024];

const framework = JSON.parse(
  readFileSync(
    path.join(ROOT, 'src/lib/framework/builtin/frameworks/dti-xa-minh-hoa.json'),
    'utf8',
  ),
);
const catalog = JSON.parse(
  readFileSync(path.join(ROOT, 'src/lib/framework/builtin/measures.json'), 'utf8'),
);
const khanhSon = JSON.parse(
  readFileSync(
    path.join(ROOT, 'src/lib/framework/builtin/targets/kh-cds-khanh-son-2024.json'),
    'utf8',
  ),
);

// Each district draws from its own seeded sequence, so adding one never changes another.
let rand = prng(20241115);
const between = (lo, hi) => lo + (hi - lo) * rand();
const round1 = (x) => Math.round(x * 10) / 10;
const clamp = (x, lo, hi) => Math.max(lo, Math.min(hi, x));

function communes(district) {
  const lines = readFileSync(
    path.join(ROOT, 'data-samples/reference/plan-districts-units.csv'),
    'utf8',
  )
    .trim()
    .split('\n')
    .slice(1);
  return lines
    .map((l) => l.split(','))
    .filter(([code]) => code === district.code)
    .map(([, , code, name]) => ({ code, name }));
}

// Measures: those the illustrative framework reads, then the targets of the Khánh Sơn plan's
// goals (II.2 Mục tiêu cụ thể). The targets of its task sections (III, V) are not in the sample
// returns: they show as missing, and adding them to the profile leaves the samples as they were.
const defs = new Map([...catalog.measures, ...framework.measures].map((m) => [m.code, m]));
const measureCodes = [
  ...new Set([
    ...framework.indicators.flatMap((i) => i.measures ?? i.rule.parts.map((p) => p.measure)),
    ...khanhSon.targets.filter((t) => t.section?.startsWith('II.2')).map((t) => t.measure),
  ]),
];

const HEADS = [
  'Chủ tịch UBND xã',
  'Bí thư Đảng ủy',
  'Phó Chủ tịch UBND xã',
  'Phó Bí thư Đảng ủy',
  'Chủ tịch UBND xã',
];

/** One synthetic value for a commune of maturity m (0–1) in year index y (0, 1). */
function valueOf(code, m, y) {
  const def = defs.get(code);
  const grow = y * between(0.03, 0.12);
  switch (code) {
    case 'bcd_so_cuoc_hop':
      return Math.round(clamp(m * 5 + y + between(-1.5, 1), 0, 6));
    case 'truong_bcd':
      return m < 0.35 && y === 0 ? 'Chưa thành lập' : HEADS[Math.floor(rand() * HEADS.length)];
    case 'ke_hoach_cds_ban_hanh':
      return m + grow + between(-0.2, 0.2) > 0.45 ? 'có' : 'không';
    case 'su_co_attt_so_luong':
      return Math.max(0, Math.round((1 - m) * 3 + between(-1.5, 1)));
    case 'tong_so_cbcc':
      return Math.round(between(18, 26));
    case 'camera_an_ninh_so_luong':
      return Math.round(clamp(m * 40 + y * 6 + between(-8, 8), 0, 60));
    case 'san_pham_tmdt_so_luong':
      return Math.round(clamp(m * 6 + y + between(-2, 1.5), 0, 9));
    case 'tin_bai_cds_truyen_thanh_so_luong':
      return Math.round(clamp(m * 30 + y * 4 + between(-8, 6), 0, 48));
    case 'to_cong_nghe_so_cong_dong_so_luong':
      return Math.round(clamp(m * 10 + between(-3, 2), 0, 14));
    case 'to_giup_viec_bcd_so_luong':
      return m + grow > 0.5 ? 1 : 0;
  }
  if (def?.kind === 'rate') {
    // Rates reported as 0–100 percentages, as the communes' spreadsheets do.
    const base = code.startsWith('hai_long') ? 0.82 + 0.16 * m : 0.12 + 0.8 * m;
    return round1(clamp((base + grow + between(-0.12, 0.12)) * 100, 0, 100));
  }
  return Math.round(between(0, 10));
}

function buildRows(district) {
  const rows = [];
  communes(district).forEach((c, i) => {
    const m = clamp(0.25 + 0.7 * rand() + (c.name.includes('Thị trấn') ? 0.15 : 0), 0.2, 0.97);
    const staff = Math.round(between(18, 26));
    YEARS.forEach((year, y) => {
      const cells = {};
      for (const code of measureCodes) {
        let v = code === 'tong_so_cbcc' ? staff : valueOf(code, m, y);
        if (code === 'so_cbcc_boi_duong_ky_nang_so')
          v = Math.round(staff * clamp(m + y * 0.1 + between(-0.15, 0.1), 0, 1));
        // Some cells left empty, as in real returns: more in the first year, never the staff count.
        if (code !== 'tong_so_cbcc' && rand() < (y === 0 ? 0.05 : 0.025)) v = '';
        cells[code] = v;
      }
      // One commune sent a partial 2023 return.
      if (i === 4 && y === 0) for (const code of measureCodes.slice(0, 10)) cells[code] = '';
      rows.push({ ...c, year, cells });
    });
  });
  return rows;
}

const csvCell = (v) =>
  /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v);
const csvLine = (cells) => cells.map(csvCell).join(',');

function wideCsv(rows) {
  const head = ['commune_code', 'commune', 'district_code', 'district', 'year', ...measureCodes];
  const body = rows.map((r) => [
    r.code,
    r.name,
    DISTRICT.code,
    DISTRICT.name,
    r.year,
    ...measureCodes.map((m) => r.cells[m]),
  ]);
  return [head, ...body].map(csvLine).join('\n') + '\n';
}

function longCsv(rows) {
  const head = ['unit_code', 'unit_name', 'parent_code', 'parent_name', 'year', 'measure', 'value'];
  const body = rows.flatMap((r) =>
    measureCodes
      .filter((m) => r.cells[m] !== '')
      .map((m) => [r.code, r.name, DISTRICT.code, DISTRICT.name, r.year, m, r.cells[m]]),
  );
  return [head, ...body].map(csvLine).join('\n') + '\n';
}

/** A sheet laid out as district offices send it: titles, merged two-row header, STT, totals, notes. */
function governmentSheet(rows, year, district = DISTRICT, { codes = true } = {}) {
  const groups = new Map();
  for (const code of measureCodes) {
    const ind = framework.indicators.find((i) =>
      (i.measures ?? i.rule.parts.map((p) => p.measure)).includes(code),
    );
    const main = ind
      ? framework.mainIndices.find((mi) => mi.code === ind.mainIndex).name.vi
      : 'Chỉ tiêu kế hoạch khác';
    if (!groups.has(main)) groups.set(main, []);
    groups.get(main).push(code);
  }
  const ordered = [...groups.values()].flat();
  const label = (code) => {
    const d = defs.get(code);
    return d.kind === 'rate' ? `${d.name.vi} (%)` : d.unit ? `${d.name.vi} (${d.unit})` : d.name.vi;
  };
  const width = 3 + ordered.length;
  const blank = () => new Array(width).fill(null);
  const title = (text) => Object.assign(blank(), { 0: text });
  const sheet = [
    title(`UBND ${district.name.toUpperCase()}`),
    title('PHÒNG VĂN HÓA VÀ THÔNG TIN'),
    title(`BIỂU TỔNG HỢP SỐ LIỆU CHUYỂN ĐỔI SỐ CẤP XÃ NĂM ${year}`),
    title('(Số liệu minh họa — không phải số liệu thật)'),
    blank(),
  ];
  const h1 = blank();
  const h2 = blank();
  h1[0] = 'STT';
  // Some districts send names only: the district column lets the app match them to codes.
  h1[1] = codes ? 'Mã xã' : 'Đơn vị';
  h1[2] = codes ? 'Đơn vị' : 'Huyện';
  const merges = ['A6:A7', 'B6:B7', 'C6:C7'];
  let col = 3;
  for (const [group, codes] of groups) {
    h1[col] = group;
    if (codes.length > 1)
      merges.push(`${columnLetter(col)}6:${columnLetter(col + codes.length - 1)}6`);
    codes.forEach((code, k) => (h2[col + k] = label(code)));
    col += codes.length;
  }
  sheet.push(h1, h2);
  rows
    .filter((r) => r.year === year)
    .forEach((r, i) =>
      sheet.push([
        i + 1,
        codes ? r.code : r.name,
        codes ? r.name : district.name,
        ...ordered.map((m) => (r.cells[m] === '' ? null : r.cells[m])),
      ]),
    );
  const count = rows.filter((r) => r.year === year).length;
  sheet.push([
    '',
    '',
    'Tổng cộng',
    ...ordered.map((m) =>
      defs.get(m).kind === 'count'
        ? rows.filter((r) => r.year === year).reduce((s, r) => s + (Number(r.cells[m]) || 0), 0)
        : null,
    ),
  ]);
  sheet.push(blank());
  sheet.push(
    title('Ghi chú: Ô để trống là xã chưa báo cáo số liệu. Tỷ lệ tính theo phần trăm (%).'),
  );
  sheet.push(title(`${district.place}, ngày 15 tháng 01 năm ${year + 1}`));
  sheet.push(
    Object.assign(blank(), { [width - 3]: 'NGƯỜI LẬP BIỂU', [width - 1]: 'TRƯỞNG PHÒNG' }),
  );
  const titleMerges = [0, 1, 2, 3].map((r) => `A${r + 1}:${columnLetter(width - 1)}${r + 1}`);
  return {
    name: `Năm ${year}`,
    rows: sheet,
    merges: [...titleMerges, ...merges],
    colWidths: [5, 8, 26, ...ordered.map(() => 16)],
    boldRows: [0, 1, 2, 5, 6, 7 + count],
  };
}

const rows = buildRows(DISTRICT);
rand = prng(20250301);
const thachThanh = buildRows(THACH_THANH);
rand = prng(20250302);
const thanhChuong = buildRows(THANH_CHUONG);
/** A sheet's rows as Vietnamese-locale Excel saves CSV: ";" between cells, decimal commas, BOM, CRLF. */
function semicolonCsv(sheetRows) {
  const cell = (v) => {
    if (v === null || v === undefined) return '';
    const s = typeof v === 'number' ? String(v).replace('.', ',') : String(v);
    return /[";\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return '\uFEFF' + sheetRows.map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}

const guide = {
  name: 'Hướng dẫn',
  rows: [
    ['HƯỚNG DẪN ĐIỀN BIỂU'],
    ['Điền số liệu năm 2024 vào trang "Số liệu 2024". Ô để trống là xã chưa có số liệu.'],
    ['Tỷ lệ ghi theo phần trăm (%), số lượng ghi số nguyên.'],
  ],
};

const outputs = {
  'nam-dan-2023-2024.csv': wideCsv(rows),
  'nam-dan-2023-2024-long.csv': longCsv(rows),
  'nam-dan-bao-cao-2023-2024.xlsx': writeXlsx({
    sheets: YEARS.map((y) => governmentSheet(rows, y)),
  }),
  'thach-thanh-2024-bieu-tong-hop.csv': semicolonCsv(
    governmentSheet(thachThanh, 2024, THACH_THANH).rows,
  ),
  'thanh-chuong-2024-bao-cao.xlsx': writeXlsx({
    sheets: [
      guide,
      {
        ...governmentSheet(thanhChuong, 2024, THANH_CHUONG, { codes: false }),
        name: 'Số liệu 2024',
      },
    ],
  }),
};
if (process.argv.includes('--check')) {
  const stale = Object.entries(outputs).filter(([name, content]) => {
    const file = path.join(OUT, name);
    return !existsSync(file) || !Buffer.from(content).equals(readFileSync(file));
  });
  if (stale.length > 0) {
    console.error(
      `samples differ from scripts/generate-samples.mjs: ${stale.map(([n]) => n).join(', ')} — run npm run samples`,
    );
    process.exit(1);
  }
  console.log(`samples: ${Object.keys(outputs).length} files match their generator`);
} else {
  mkdirSync(OUT, { recursive: true });
  for (const [name, content] of Object.entries(outputs))
    writeFileSync(path.join(OUT, name), content);
  console.log(
    `${rows.length / YEARS.length} communes × ${YEARS.length} years × ${measureCodes.length} measures → ${OUT}`,
  );
}
