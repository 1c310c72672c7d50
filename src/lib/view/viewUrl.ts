// The view a person is looking at, as the URL's query: a link or a reload brings it back.
// Only choices live here (page, framework, year, profile, units) — never data.

export type Page = 'overview' | 'unit' | 'compare' | 'targets' | 'notebook' | 'workshop';

export const PAGES: readonly Page[] = [
  'overview',
  'unit',
  'compare',
  'targets',
  'notebook',
  'workshop',
];

export interface ViewChoice {
  page: Page;
  framework: string | null;
  year: number | null;
  profile: string | null;
  /** The unit whose profile is open (page "unit"), or whose targets are shown. */
  unit: string | null;
  /** Units compared side by side, 2–4. */
  compare: string[];
  /** Only the units under this parent (district/province code). */
  parent: string | null;
  /** The notebook open on the notebook page. */
  notebook: string | null;
}

export const MAX_COMPARED = 4;

const CODE = /^[\p{L}\p{N}_.-]{1,64}$/u;
const code = (v: string | null): string | null => (v !== null && CODE.test(v) ? v : null);

/** Reads a query string; anything malformed is dropped, never trusted. */
export function parseView(search: string): ViewChoice {
  const q = new URLSearchParams(search);
  const page = q.get('view');
  const year = Number(q.get('year'));
  const profile = q.get('profile');
  return {
    page: PAGES.includes(page as Page) ? (page as Page) : 'overview',
    framework: code(q.get('framework')),
    year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : null,
    profile: profile === 'none' ? 'none' : code(profile),
    unit: code(q.get('unit')),
    compare: [
      ...new Set(
        (q.get('compare') ?? '')
          .split(',')
          .map((c) => code(c.trim()))
          .filter((c): c is string => c !== null),
      ),
    ].slice(0, MAX_COMPARED),
    parent: code(q.get('parent')),
    notebook: code(q.get('nb')),
  };
}

/** The query string of a view; empty parts are left out so links stay short. */
export function viewQuery(v: ViewChoice): string {
  const q = new URLSearchParams();
  if (v.page !== 'overview') q.set('view', v.page);
  if (v.framework) q.set('framework', v.framework);
  if (v.year !== null) q.set('year', String(v.year));
  if (v.profile) q.set('profile', v.profile);
  if (v.unit) q.set('unit', v.unit);
  if (v.compare.length > 0) q.set('compare', v.compare.join(','));
  if (v.parent) q.set('parent', v.parent);
  if (v.notebook && v.page === 'notebook') q.set('nb', v.notebook);
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}
