// What the session's parts share: its state, what it was given, its workspace and ledger, its
// queue, and the scoring and saving every change ends with. The parts (loads, what-if edits)
// are functions of it; only session.ts holds it.
import type { LocalText } from '../framework/types';
import type { Workspace } from '../workspace/workspace';
import type { LoadLedger } from '../workspace/loadLedger';
import type { SessionDeps } from './deps';
import type { SessionState } from './state';

export interface Core {
  readonly s: SessionState;
  readonly deps: SessionDeps;
  /** The open workspace (the engine has started). */
  workspace(): Workspace;
  /** Each load's file and how it was read: to read it again, to save it, to send it. */
  ledger(): LoadLedger;
  /** What stops the load under way; null when nothing is loading. */
  readonly loading: { abort: AbortController | null };
  /** Ids of the frameworks and profiles that ship with the app. */
  builtinIds(): readonly string[];
  notify(title: LocalText, error: unknown): void;
  /** Scores again after a change of data, framework or profile, and reads the results. */
  rescore(preferYear?: number | null): Promise<void>;
  /** Scores with the edits as they are now (only the edits changed) and reads the results. */
  scoreAndRead(preferYear: number | null, yearsMayChange?: boolean): Promise<void>;
  /** Saves the workspace after a change, after the saves before it. */
  save(): void;
  /** Runs `then` after every save started so far. */
  afterSaves(then: () => Promise<void>): void;
}
