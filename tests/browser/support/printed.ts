// A page printed as "In / lưu PDF" prints it, read back as a person reading the paper would.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS } from './browser';

/** Pages in the PDF's page tree. */
const pageCount = (pdf: Buffer): number =>
  Math.max(0, ...[...pdf.toString('latin1').matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1])));

/** The PDF's text in reading order, white space runs folded to one space. */
const pdfText = (pdf: Buffer): string =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf })
    .toString('utf8')
    .normalize('NFC')
    .replace(/\s+/g, ' ');

/** Prints the page as "In / lưu PDF" does; the PDF is kept beside the screenshots to look at. */
export async function printPdf(page: Page, name: string): Promise<{ text: string; pages: number }> {
  // As a person would: print once the charts are drawn (each is drawn in the frame after it shows).
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid="figure"] .plot')].every((p) => p.firstChild),
  );
  const pdf = await page.pdf({ format: 'A4' });
  const dir = path.join(SCREENSHOTS, '..', 'printed');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.pdf`), pdf);
  return { text: pdfText(pdf), pages: pageCount(pdf) };
}
