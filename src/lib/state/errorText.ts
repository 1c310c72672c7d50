// Any error → the text a person reads, in both languages, naming where it happened.
import { InvalidSpecError } from '../framework/check';
import type { LocalText } from '../framework/types';
import { describeLocation, IngestError } from '../ingest/errors';
import { SAY } from '../i18n/stateMessages';

const MAX_PROBLEMS = 12;

export function errorText(error: unknown): LocalText {
  if (error instanceof IngestError) {
    return {
      vi: `${describeLocation(error.at, 'vi')}: ${error.text.vi}`,
      en: `${describeLocation(error.at, 'en')}: ${error.text.en}`,
    };
  }
  if (error instanceof InvalidSpecError) return specProblems(error);
  const message = String((error as Error)?.message ?? error);
  if (/out of memory/i.test(message)) {
    return SAY.outOfMemory;
  }
  return { vi: message, en: message };
}

/** The problems of an invalid framework or profile, each with its JSON path. */
function specProblems(e: InvalidSpecError): LocalText {
  const shown = e.problems.slice(0, MAX_PROBLEMS);
  const more = e.problems.length - shown.length;
  const list = (lang: 'vi' | 'en'): string =>
    `${e.what[lang]}: ` +
    shown
      .map((p) => `${p.path || (lang === 'vi' ? '(gốc)' : '(root)')} — ${p.message[lang]}`)
      .join('; ') +
    (more > 0 ? (lang === 'vi' ? `; và ${more} lỗi khác` : `; and ${more} more`) : '');
  return { vi: list('vi'), en: list('en') };
}
