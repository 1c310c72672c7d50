// How far a load has come, and the person's way to stop it. A load is a few steps run one after
// another; each step reports its share and checks whether the person cancelled, so a cancel
// takes effect at the next step — the last check is just before the load commits — and the
// load is taken back whole (see loadWrites.ts). A cancel after that comes too late and changes
// nothing.
import { IngestError } from './errors';

export type LoadPhase = 'reading' | 'decoding' | 'parsing' | 'writing' | 'checking';

/** Where each phase sits in the whole load (0–1), by its usual share of the time. */
const SPAN: Record<LoadPhase, [number, number]> = {
  reading: [0, 0.2],
  decoding: [0.2, 0.3],
  parsing: [0.3, 0.55],
  writing: [0.55, 0.9],
  checking: [0.9, 1],
};

export interface LoadProgress {
  phase: LoadPhase;
  /** The whole load done so far, 0–1. */
  fraction: number;
}

export interface LoadControl {
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
}

/** Reports `done` of `total` in `phase`, after making sure the person has not cancelled. */
export function checkpoint(
  control: LoadControl,
  file: string,
  phase: LoadPhase,
  done = 0,
  total = 1,
): void {
  if (control.signal?.aborted) throw cancelled(file);
  const [from, to] = SPAN[phase];
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  control.onProgress?.({ phase, fraction: from + (to - from) * share });
}

export function cancelled(file: string): IngestError {
  return new IngestError(
    'cancelled',
    {
      vi: 'Đã hủy nạp tệp theo yêu cầu. Dữ liệu đã nạp trước đó vẫn giữ nguyên.',
      en: 'Loading was cancelled, as asked. What was loaded before is unchanged.',
    },
    { file },
  );
}
