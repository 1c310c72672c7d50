// The words people type in cells instead of numbers, compared after folding (see sql/fold.ts).

/** "No data" rather than a value: the cell is missing, not wrong. */
export const MISSING_MARKERS = [
  '',
  '-',
  '–',
  '—',
  'n/a',
  'na',
  '#n/a',
  'chua co',
  'khong co so lieu',
  'null',
  '...',
  '…',
];

/** Answers read as yes / no. Numbers are read as yes when > 0. */
export const YES_WORDS = ['co', 'x', 'yes', 'y', 'dat', 'true', 'v', '✓', '✔', '☑', 'da co', 'roi'];
export const NO_WORDS = ['khong', 'no', 'n', 'khong dat', 'chua dat', 'false', 'chua'];
