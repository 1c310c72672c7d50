// Messages to the person — a refused file, a failed scoring — each in both languages, until
// dismissed. A refused file's IngestError code travels with it for scripts and tests.
import type { LocalText } from '../framework/types';
import { IngestError } from '../ingest/errors';
import { errorText } from './errorText';

export interface Notice {
  id: number;
  title: LocalText;
  /** Why, when there is more to say than the title (null: the title says it all). */
  detail: LocalText | null;
  /** Why a file was refused (IngestError code), for scripts and tests. */
  code: string | null;
  /** A reader library's own words (English), shown apart from the message. */
  technical: string | null;
}

export class Notices {
  list = $state.raw<Notice[]>([]);
  #nextId = 0;

  add(title: LocalText, error: unknown): void {
    const code = error instanceof IngestError ? error.code : null;
    const technical = (error instanceof IngestError && error.technical) || null;
    const detail = error === null || error === undefined ? null : errorText(error);
    this.list = [...this.list, { id: ++this.#nextId, title, detail, code, technical }];
  }

  dismiss(id: number): void {
    this.list = this.list.filter((n) => n.id !== id);
  }
}
