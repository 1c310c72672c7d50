// Which catalog measure a column header means, as officials write headers: abbreviated
// ("DVCTT"), in other words ("xóm" for "thôn"), with the unit in brackets, under a merged group
// label. Each measure gets a score from the words the header and the measure's name share, weighed
// by how rare each word is in the catalog; the column is matched only when one measure is clearly
// ahead, and the person is asked otherwise.
import type { MeasureDef, MeasureKind } from '../framework/types';
import { fold } from '../sql/fold';
import {
  ABBREVIATIONS,
  COMPOUNDS,
  COUNT_OPENERS,
  COUNT_UNITS,
  FILLER_WORDS,
  NOT_COUNTS,
  RATE_OPENERS,
  SYNONYMS,
} from '../text/officialTerms';

/** What a header says it holds, from "Tỷ lệ …" / "(%)" or "Số …" / "(người)". */
export type HeaderKind = 'rate' | 'count' | 'unknown';

export interface MatchCandidate {
  measure: string;
  /** 0–1: how much of the header and the measure's name the other explains. */
  score: number;
}

export interface HeaderMatch {
  /** What the header (or its group) says the column holds. */
  kind: HeaderKind;
  /** The best candidates, best first. */
  candidates: MatchCandidate[];
  /** The measure taken without asking: far enough ahead, and of the header's kind. */
  confident: string | null;
}

/**
 * Matched without asking only when the header names what the measure counts or rates (a household
 * rate is not a population rate) and, when the measure's name says rate or count, says so too;
 * then: a score at least this, ahead of the next by the margin, and neither side leaving much
 * unexplained — a header word the name lacks ("trưởng thành", "thuê bao") or a name word the
 * header lacks ("5G") is a different quantity, however much else they share.
 */
export const CONFIDENT_SCORE = 0.6;
export const CONFIDENT_MARGIN = 0.1;
export const CONFIDENT_COVER = 0.65;
/**
 * Or far ahead of any other measure, the header's every word explained, a shortened name that
 * keeps what the name counts: "Số tổ công nghệ số" for "Số tổ công nghệ số cộng đồng" — but not
 * "Ban chỉ đạo CĐS" for "Số tổ giúp việc cho Ban chỉ đạo chuyển đổi số".
 */
export const CLEAR_MARGIN = 0.25;
export const CLEAR_HEADER = 0.85;
export const CLEAR_NAME = 0.5;
/** Share of the header's own words (apart from its group's) the measure must explain. */
export const OWN_WORDS = 0.5;
const LISTED = 5;
/**
 * How much a header word the measure's description holds, and its names do not, counts as
 * explained: "Chuyển đổi nhận thức" is not "Nhận thức số" because the index's description speaks
 * of the "chuyển đổi số" assessment it belongs to.
 */
const DESCRIBED_CREDIT = 0.75;
const LISTED_FROM = 0.15;

const TONES: Readonly<Record<string, string>> = {
  '\u0301': '1',
  '\u0300': '2',
  '\u0309': '3',
  '\u0303': '4',
  '\u0323': '5',
};

/**
 * A syllable with its tone mark apart from its letters: "hoá" and "hóa" agree, while "hồ" (in
 * "hồ sơ") and "hộ" (household) stay apart, as folding would not keep them.
 */
function syllable(word: string): string {
  let tone = '';
  let letters = '';
  for (const ch of word.normalize('NFD').toLowerCase()) {
    const t = TONES[ch];
    if (t) tone = t;
    else letters += ch;
  }
  return letters.normalize('NFC') + tone;
}

/**
 * A function of one word, kept per word: a load reads the whole catalog's names, aliases and
 * descriptions, the same few hundred words thousands of times, and Unicode normalisation is
 * what its time went to.
 */
function perWord(f: (word: string) => string): (word: string) => string {
  const known = new Map<string, string>();
  return (word) => {
    let out = known.get(word);
    if (out === undefined) {
      if (known.size > 50_000) known.clear();
      out = f(word);
      known.set(word, out);
    }
    return out;
  };
}
const foldWord = perWord(fold);
const syllableOf = perWord(syllable);

type Mode = 'marked' | 'folded';
const tokenOf = (word: string, mode: Mode): string =>
  mode === 'marked' ? syllableOf(word) : foldWord(word);

const words = (text: string): string[] => text.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');

/** Abbreviations by their folded form: "CĐS", "cđs" and "CDS" are one. */
const ABBREVIATION = new Map(
  Object.entries(ABBREVIATIONS).map(([short, long]) => [fold(short), long]),
);

/** Writes out the abbreviations of a text, joined ones too ("KT-XH", "GD&ĐT"). */
function expandAbbreviations(text: string): string {
  return text.replace(/[\p{L}\p{N}]+(?:\s*[-&]\s*[\p{L}\p{N}]+)*/gu, (run) => {
    const joined = ABBREVIATION.get(foldWord(run).replace(/[\s&-]/g, ''));
    if (joined) return ` ${joined} `;
    return run.replace(/[\p{L}\p{N}]+/gu, (w) => {
      const long = ABBREVIATION.get(foldWord(w));
      return long ? ` ${long} ` : w;
    });
  });
}

interface Phrase {
  from: string[];
  to: string[];
}

function phrases(mode: Mode): { synonyms: Phrase[]; fillers: string[][] } {
  const toks = (s: string) => words(s).map((w) => tokenOf(w, mode));
  // Compounds first, as themselves: "văn bản" is not "văn thôn".
  const synonyms = [
    ...COMPOUNDS.map((c) => ({ from: toks(c), to: toks(c) })),
    ...SYNONYMS.flatMap((group) =>
      group.slice(1).map((variant) => ({ from: toks(variant), to: toks(group[0]!) })),
    ),
  ].sort((a, b) => b.from.length - a.from.length);
  const fillers = FILLER_WORDS.map(toks).sort((a, b) => b.length - a.length);
  return { synonyms, fillers };
}
const PHRASES: Record<Mode, ReturnType<typeof phrases>> = {
  marked: phrases('marked'),
  folded: phrases('folded'),
};
const OPENERS: Record<Mode, { kind: HeaderKind; tokens: string[] }[]> = {
  marked: openers('marked'),
  folded: openers('folded'),
};
const NOT_COUNT_OPENINGS: Record<Mode, string[][]> = {
  marked: NOT_COUNTS.map((c) => words(c).map((w) => tokenOf(w, 'marked'))),
  folded: NOT_COUNTS.map((c) => words(c).map((w) => tokenOf(w, 'folded'))),
};
function openers(mode: Mode): { kind: HeaderKind; tokens: string[] }[] {
  const toks = (s: string) => words(s).map((w) => tokenOf(w, mode));
  return [
    ...RATE_OPENERS.map((o) => ({ kind: 'rate' as const, tokens: toks(o) })),
    ...COUNT_OPENERS.map((o) => ({ kind: 'count' as const, tokens: toks(o) })),
  ].sort((a, b) => b.tokens.length - a.tokens.length);
}

const startsWith = (tokens: string[], at: number, phrase: string[]): boolean =>
  phrase.every((p, i) => tokens[at + i] === p);

function replacePhrases(tokens: string[], synonyms: Phrase[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const hit = synonyms.find((s) => startsWith(tokens, i, s.from));
    if (hit) {
      out.push(...hit.to);
      i += hit.from.length;
    } else out.push(tokens[i++]!);
  }
  return out;
}

function dropFillers(tokens: string[], fillers: string[][]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const hit = fillers.find((f) => startsWith(tokens, i, f));
    if (hit) i += hit.length;
    else out.push(tokens[i++]!);
  }
  return out;
}

/** A text read for matching: its content words and what kind of number it says it is. */
export interface ReadHeader {
  tokens: string[];
  kind: HeaderKind;
}

/**
 * Brackets holding a unit, an answer form or a date — "(%)", "(người)", "(có/không)", "(7/2022)"
 * — are not words of the quantity; others are: "(thị trấn)", "(cấp xã)".
 */
const BRACKET = /\(([^()]*)\)/g;
const UNITS = new Set(COUNT_UNITS.map(fold));

export function readHeader(text: string, mode: Mode = 'marked'): ReadHeader & { opened: boolean } {
  let kind: HeaderKind = /%|phần trăm/i.test(text) ? 'rate' : 'unknown';
  const unbracketed = text.replace(BRACKET, (whole, inner: string) => {
    const inside = inner.trim();
    if (inside.includes('%') || inside.includes('/') || /^[\d\s.,-]*$/.test(inside)) return ' ';
    if (UNITS.has(fold(inside))) {
      if (kind === 'unknown') kind = 'count';
      return ' ';
    }
    return whole;
  });
  const { synonyms, fillers } = PHRASES[mode];
  let tokens = replacePhrases(
    words(expandAbbreviations(unbracketed)).map((w) => tokenOf(w, mode)),
    synonyms,
  );
  const opener = NOT_COUNT_OPENINGS[mode].some((c) => startsWith(tokens, 0, c))
    ? undefined
    : OPENERS[mode].find((o) => startsWith(tokens, 0, o.tokens));
  if (opener) {
    tokens = tokens.slice(opener.tokens.length);
    if (kind === 'unknown' || opener.kind === 'rate') kind = opener.kind;
  }
  tokens = dropFillers(tokens, fillers).filter((t) => !/^(19|20)\d\d$/.test(t));
  return { tokens, kind, opened: opener !== undefined };
}

/** Features of a text: its words and each pair of neighbouring words. */
function features(tokens: string[]): string[] {
  const pairs = tokens.slice(1).map((t, i) => `${tokens[i]} ${t}`);
  return [...new Set([...tokens, ...pairs])];
}

const KIND_OF_MEASURE: Partial<Record<MeasureKind, HeaderKind>> = { rate: 'rate', count: 'count' };

/** A measure under one of its names: the catalog's name, or an alias officials use. */
interface Entry {
  code: string;
  kind: HeaderKind;
  /** This name's features. */
  features: Record<Mode, string[]>;
  /** What explains a header's word: this name's features and the measure's own name's. */
  explains: Record<Mode, ReadonlySet<string>>;
  /**
   * What explains it in part: the description's features. A description also speaks of what is
   * around the quantity ("… của Bộ chỉ số đánh giá chuyển đổi số"), so its words say less.
   */
  describes: Record<Mode, ReadonlySet<string>>;
  /** The name's first word after its opener: what it counts or rates ("tổ", "hồ sơ"). */
  head: Record<Mode, string | undefined>;
  /** The name says what kind of number it is ("Tỷ lệ …", "Số …"), unlike an index's name. */
  opened: boolean;
}

export interface MeasureMatcher {
  match(label: string, group: string | null): HeaderMatch;
}

/** How a measure reads under each of its names; measures are data, read once each. */
const readMeasures = new WeakMap<MeasureDef, Entry[]>();

function entriesOf(m: MeasureDef): Entry[] {
  const known = readMeasures.get(m);
  if (known) return known;
  const read = (name: string, mode: Mode) => {
    const { tokens, opened } = readHeader(name, mode);
    const named = features(tokens);
    const explains = new Set([...named, ...features(readHeader(m.name.vi, mode).tokens)]);
    const describes = new Set(features(readHeader(m.description?.vi ?? '', mode).tokens));
    return { named, explains, describes, head: tokens[0], opened };
  };
  // The catalog's name first: word weights are learned from it.
  const entries = [m.name.vi, ...(m.aliases ?? [])].map((name) => {
    const marked = read(name, 'marked');
    const folded = read(name, 'folded');
    return {
      code: m.code,
      kind: KIND_OF_MEASURE[m.kind] ?? 'unknown',
      features: { marked: marked.named, folded: folded.named },
      explains: { marked: marked.explains, folded: folded.explains },
      describes: { marked: marked.describes, folded: folded.describes },
      head: { marked: marked.head, folded: folded.head },
      opened: marked.opened,
    };
  });
  readMeasures.set(m, entries);
  return entries;
}

/** A matcher over a catalog: word weights are learned from the catalog's own names. */
export function measureMatcher(measures: readonly MeasureDef[]): MeasureMatcher {
  // One measure per code: a framework's own definition of a measure replaces the catalog's.
  const unique = [...new Map(measures.map((m) => [m.code, m])).values()];
  const read = unique.map(entriesOf);
  const entries = read.flat();
  // Word weights from the names alone: an alias repeating its name's words makes none commoner.
  const weights = {
    marked: rarity(read.map((e) => e[0]!.features.marked)),
    folded: rarity(read.map((e) => e[0]!.features.folded)),
  };

  return {
    match(label, group) {
      // A header typed without any tone or vowel mark is compared with the names folded alike.
      const plain = label.toLowerCase().replace(/\s+/g, ' ').trim();
      const mode: Mode = fold(label) === plain ? 'folded' : 'marked';
      const header = readHeader(label, mode);
      const above = group ? readHeader(group, mode) : null;
      // "Trực tuyến" under "Số lượng hồ sơ / Trong đó" is a count, as its group says.
      const kind = header.kind === 'unknown' ? (above?.kind ?? 'unknown') : header.kind;
      const own = features(header.tokens);
      const context = above ? features(above.tokens).filter((f) => !own.includes(f)) : [];
      const weight = weights[mode];
      const scored = entries
        .map((e) => {
          const named = e.features[mode];
          const explains = { fully: e.explains[mode], partly: e.describes[mode] };
          const alone = overlap(own, named, explains, weight);
          const withGroup =
            context.length > 0 ? overlap([...own, ...context], named, explains, weight) : alone;
          const best = withGroup.score > alone.score ? withGroup : alone;
          const agree = kind === 'unknown' || e.kind === 'unknown' || kind === e.kind;
          return {
            measure: e.code,
            score: best.score * (agree ? 1 : 0.5),
            header: best.header,
            name: best.name,
            // The group label helps choose, but the header itself must name the quantity:
            // "Trễ hạn" under "Kết quả giải quyết TTHC" is not a result measure.
            named: alone.header >= OWN_WORDS,
            headIn: e.head[mode] !== undefined && own.includes(e.head[mode]),
            // A header that says neither "Tỷ lệ" nor "Số" may hold the rate or the count.
            kindSaid: kind !== 'unknown' || !e.opened,
            agree,
          };
        })
        .filter((c) => c.score >= LISTED_FROM)
        .sort((a, b) => b.score - a.score || a.measure.localeCompare(b.measure))
        // A measure once, under the name that fits best: its aliases do not crowd out others.
        .filter((c, i, all) => all.findIndex((d) => d.measure === c.measure) === i);
      const [best, second] = scored;
      const confident =
        best !== undefined &&
        best.agree &&
        best.named &&
        best.headIn &&
        best.kindSaid &&
        best.score >= CONFIDENT_SCORE &&
        clearlyAhead(best, best.score - (second?.score ?? 0))
          ? best.measure
          : null;
      return {
        kind,
        candidates: scored
          .slice(0, LISTED)
          .map((c) => ({ measure: c.measure, score: Math.round(c.score * 100) / 100 })),
        confident,
      };
    },
  };
}

const clearlyAhead = (shares: { header: number; name: number }, margin: number): boolean =>
  (Math.min(shares.header, shares.name) >= CONFIDENT_COVER && margin >= CONFIDENT_MARGIN) ||
  (shares.header >= CLEAR_HEADER && shares.name >= CLEAR_NAME && margin >= CLEAR_MARGIN);

/** How rare each feature is among the catalog's names: a rare word says more. */
function rarity(docs: string[][]): (feature: string) => number {
  const seen = new Map<string, number>();
  for (const doc of docs) for (const f of doc) seen.set(f, (seen.get(f) ?? 0) + 1);
  const n = docs.length;
  return (f) => Math.log((n + 1) / ((seen.get(f) ?? 0) + 0.5));
}

/**
 * How far a header and a measure agree, weighed: how much of the header the measure's names and
 * description explain, how much of the name the header explains, and the mean of the two.
 */
function overlap(
  a: string[],
  b: string[],
  explains: { fully: ReadonlySet<string>; partly: ReadonlySet<string> },
  weight: (f: string) => number,
): { score: number; header: number; name: number } {
  const share = (x: string[], credit: (f: string) => number): number => {
    let all = 0;
    let shared = 0;
    for (const f of x) {
      all += weight(f);
      shared += weight(f) * credit(f);
    }
    return all === 0 ? 0 : shared / all;
  };
  const inA = new Set(a);
  const ab = share(a, (f) =>
    explains.fully.has(f) ? 1 : explains.partly.has(f) ? DESCRIBED_CREDIT : 0,
  );
  const ba = share(b, (f) => (inA.has(f) ? 1 : 0));
  const wa = a.reduce((s, f) => s + weight(f), 0);
  const wb = b.reduce((s, f) => s + weight(f), 0);
  const score = wa + wb === 0 ? 0 : (ab * wa + ba * wb) / (wa + wb);
  return { score, header: ab, name: ba };
}
