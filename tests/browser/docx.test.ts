// A Word decision dropped in the page: its tables are read in the workbook worker (the Node
// tests call the reader directly), the framework table is found and loaded; a PDF is refused
// asking for the Word or Excel copy.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type Session } from './support/browser';

const DIR = path.resolve(import.meta.dirname, '../fixtures/docx');

describe('Word documents in the browser', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s?.close();
  });

  const drop = async (file: string): Promise<void> => {
    const count = () =>
      s.page.evaluate(() => window.dtiLab.reports().length + window.dtiLab.notices().length);
    const before = await count();
    await s.page.getByTestId('file-input').setInputFiles(path.join(DIR, file));
    await expect.poll(count).toBeGreaterThan(before);
    await s.page.evaluate(() => window.dtiLab.settled());
  };

  it('reads the framework table of a .docx through the worker', async () => {
    await drop('bo-chi-so-cap-huyen.docx');
    const report = await s.page.evaluate(() => window.dtiLab.reports().at(-1)!);
    expect(report.file).toBe('bo-chi-so-cap-huyen.docx');
    expect(report.shape).toBe('framework');
    expect(report.sheet).toBe('Bảng 2');
    expect(report.framework!.definition.indicators.map((i) => i.code)).toEqual(['1.1', '1.2']);
  });

  it('refuses a PDF, asking for the Word or Excel copy', async () => {
    await drop('bo-chi-so-cap-huyen.pdf');
    const notice = await s.page.evaluate(() => window.dtiLab.notices().at(-1)!);
    expect(notice.code).toBe('pdf');
    expect(notice.detail?.vi).toContain('Word (.docx) hoặc Excel (.xlsx)');
  });
});
