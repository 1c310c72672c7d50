// Which page is open and which units it is about. Framework, year and target profile live in
// the app state (they decide what is scored); these only decide what is shown.
import { MAX_COMPARED, type Page } from './viewUrl';

export class ViewState {
  page = $state<Page>('overview');
  unit = $state<string | null>(null);
  compare = $state.raw<string[]>([]);
  parent = $state<string | null>(null);
  /** The notebook open on the notebook page. */
  notebook = $state<string | null>(null);
  /** The workshop page's screen: the what-if desk, the guided walk or the printable summary. */
  workshop = $state<'desk' | 'walk' | 'handout'>('desk');
  /** The guided walk's step, from 0. */
  walkStep = $state(0);
  /** Full-screen presentation: only the workshop, in large type and high contrast. */
  presenting = $state(false);

  openUnit(code: string): void {
    this.unit = code;
    this.page = 'unit';
  }

  /** Adds a unit to the comparison, or takes it out; at most four. */
  toggleCompare(code: string): void {
    this.compare = this.compare.includes(code)
      ? this.compare.filter((c) => c !== code)
      : [...this.compare, code].slice(-MAX_COMPARED);
  }
}
