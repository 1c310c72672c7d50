// A notebook as a file to send to a colleague, and back. The file is JSON; reading it goes
// through the same field-by-field check as any untrusted input.
import { InvalidSpecError } from '../framework/check';
import { NOTEBOOK_FORMAT, NOTEBOOK_VERSION, type Notebook } from './types';
import { validateNotebookFile } from './validateNotebook';
import { fold } from '../sql/fold';

export function notebookFileText(nb: Notebook): string {
  // Whether it shipped with the app or was run here says nothing about the next reader's copy.
  const { builtin: _builtin, trusted: _trusted, ...rest } = nb;
  return JSON.stringify(
    { format: NOTEBOOK_FORMAT, version: NOTEBOOK_VERSION, notebook: rest },
    null,
    2,
  );
}

export function readNotebookFile(text: string): Notebook {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InvalidSpecError(
      { vi: 'Tệp sổ phân tích không phải JSON', en: 'The notebook file is not JSON' },
      [{ path: '', message: { vi: (e as Error).message, en: (e as Error).message } }],
    );
  }
  return validateNotebookFile(raw);
}

/** A file name from a title: letters without diacritics, digits and dashes. */
export function fileNameOf(title: string): string {
  const base = fold(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return base || 'so-phan-tich';
}
