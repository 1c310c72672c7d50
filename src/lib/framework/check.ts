// Field-by-field readers for untrusted JSON. Each reader takes `unknown` and a path, returns a
// typed value, and records a bilingual problem (never throws) so one pass reports every error.
import type { LocalText } from './types';

export interface Problem {
  /** JSON path, e.g. `indicators[3].rule.tiers[0].points`. */
  path: string;
  message: LocalText;
}

export class Checker {
  readonly problems: Problem[] = [];

  fail(path: string, vi: string, en: string): void {
    this.problems.push({ path, message: { vi, en } });
  }

  object(raw: unknown, path: string): Record<string, unknown> {
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      return raw as Record<string, unknown>;
    }
    this.fail(
      path,
      `phải là một đối tượng {…}, nhận được ${kindOf(raw, 'vi')}`,
      `must be an object {…}, got ${kindOf(raw, 'en')}`,
    );
    return {};
  }

  array(raw: unknown, path: string): unknown[] {
    if (Array.isArray(raw)) return raw;
    this.fail(
      path,
      `phải là một danh sách […], nhận được ${kindOf(raw, 'vi')}`,
      `must be a list […], got ${kindOf(raw, 'en')}`,
    );
    return [];
  }

  string(raw: unknown, path: string): string {
    if (typeof raw === 'string' && raw.trim() !== '') return raw;
    this.fail(
      path,
      `phải là chuỗi không rỗng, nhận được ${kindOf(raw, 'vi')}`,
      `must be a non-empty string, got ${kindOf(raw, 'en')}`,
    );
    return '';
  }

  optionalString(raw: unknown, path: string): string | undefined {
    return raw === undefined ? undefined : this.string(raw, path);
  }

  /** An identifier used as a code: letters, digits, `_`, `.`, `-`. */
  code(raw: unknown, path: string): string {
    const s = this.string(raw, path);
    if (s !== '' && !/^[\p{L}\p{N}_.-]+$/u.test(s)) {
      this.fail(
        path,
        `mã "${s}" chỉ được gồm chữ, số, "_", ".", "-"`,
        `code "${s}" may hold only letters, digits, "_", ".", "-"`,
      );
    }
    return s;
  }

  number(raw: unknown, path: string, range?: { min?: number; max?: number }): number {
    if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      this.fail(
        path,
        `phải là một số, nhận được ${kindOf(raw, 'vi')}`,
        `must be a number, got ${kindOf(raw, 'en')}`,
      );
      return 0;
    }
    if (range?.min !== undefined && raw < range.min) {
      this.fail(
        path,
        `phải ≥ ${range.min}, nhận được ${raw}`,
        `must be ≥ ${range.min}, got ${raw}`,
      );
    }
    if (range?.max !== undefined && raw > range.max) {
      this.fail(
        path,
        `phải ≤ ${range.max}, nhận được ${raw}`,
        `must be ≤ ${range.max}, got ${raw}`,
      );
    }
    return raw;
  }

  integer(raw: unknown, path: string, range?: { min?: number; max?: number }): number {
    const n = this.number(raw, path, range);
    if (!Number.isInteger(n))
      this.fail(path, `phải là số nguyên, nhận được ${n}`, `must be a whole number, got ${n}`);
    return n;
  }

  boolean(raw: unknown, path: string): boolean {
    if (typeof raw === 'boolean') return raw;
    this.fail(
      path,
      `phải là true hoặc false, nhận được ${kindOf(raw, 'vi')}`,
      `must be true or false, got ${kindOf(raw, 'en')}`,
    );
    return false;
  }

  oneOf<T extends string>(raw: unknown, path: string, allowed: readonly T[]): T {
    if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
    const list = allowed.map((a) => `"${a}"`).join(', ');
    this.fail(
      path,
      `phải là một trong ${list}, nhận được ${kindOf(raw, 'vi')}`,
      `must be one of ${list}, got ${kindOf(raw, 'en')}`,
    );
    return allowed[0]!;
  }

  localText(raw: unknown, path: string): LocalText {
    const o = this.object(raw, path);
    return { vi: this.string(o.vi, `${path}.vi`), en: this.string(o.en, `${path}.en`) };
  }

  optionalLocalText(raw: unknown, path: string): LocalText | undefined {
    return raw === undefined ? undefined : this.localText(raw, path);
  }

  /**
   * A list of coded items (pillars, indicators, measures …): each read by `read` at its own path,
   * codes checked unique. `optional` lists may be absent and read as empty.
   */
  codedList<T extends { code: string }>(
    raw: unknown,
    path: string,
    read: (item: unknown, path: string) => T,
    optional = false,
  ): T[] {
    if (optional && raw === undefined) return [];
    const items = this.array(raw, path).map((item, i) => read(item, `${path}[${i}]`));
    this.unique(
      items.map((x) => x.code),
      (i) => `${path}[${i}].code`,
    );
    return items;
  }

  /** Reports codes that appear more than once in a list. */
  unique(codes: readonly string[], path: (i: number) => string): void {
    const seen = new Set<string>();
    codes.forEach((c, i) => {
      if (c === '') return;
      if (seen.has(c)) this.fail(path(i), `mã "${c}" bị trùng`, `code "${c}" is duplicated`);
      seen.add(c);
    });
  }

  /** Lists fields that the format does not know, so a typo never passes silently. */
  noExtraFields(o: Record<string, unknown>, path: string, known: readonly string[]): void {
    for (const key of Object.keys(o)) {
      if (!known.includes(key)) {
        this.fail(
          path === '' ? key : `${path}.${key}`,
          `trường không được hỗ trợ (các trường hợp lệ: ${known.join(', ')})`,
          `unknown field (valid fields: ${known.join(', ')})`,
        );
      }
    }
  }
}

export class InvalidSpecError extends Error {
  constructor(
    readonly what: LocalText,
    readonly problems: Problem[],
  ) {
    super(
      `${what.en}: ${problems.length} problem(s)\n` +
        problems.map((p) => `  ${p.path || '(root)'}: ${p.message.en}`).join('\n'),
    );
    this.name = 'InvalidSpecError';
  }
}

function kindOf(v: unknown, lang: 'vi' | 'en'): string {
  const vi = lang === 'vi';
  if (v === undefined) return vi ? 'không có gì' : 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return vi ? 'một danh sách' : 'a list';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'object') return vi ? 'một đối tượng' : 'an object';
  return `${typeof v} ${String(v)}`;
}
