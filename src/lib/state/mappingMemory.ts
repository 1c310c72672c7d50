// Column mappings a person confirmed, kept in this browser (localStorage) by header signature,
// so the next file of the same shape is read the same way — across reloads.
import type { ColumnMapping } from '../ingest/columnMapping';

const KEY = 'dti-lab.column-mappings@1';

function readAll(): Record<string, ColumnMapping> {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    const out: Record<string, ColumnMapping> = {};
    for (const [signature, mapping] of Object.entries(raw)) {
      if (typeof mapping !== 'object' || mapping === null) continue;
      // Untrusted storage: keep only a code, null, or one side of a rate.
      const clean = Object.entries(mapping as Record<string, unknown>).filter(
        ([, v]) => v === null || typeof v === 'string' || isStoredRatePart(v),
      );
      out[signature] = Object.fromEntries(clean) as ColumnMapping;
    }
    return out;
  } catch {
    return {};
  }
}

function isStoredRatePart(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const { rate, part, ...rest } = v as Record<string, unknown>;
  return (
    typeof rate === 'string' &&
    (part === 'numerator' || part === 'denominator') &&
    Object.keys(rest).length === 0
  );
}

export function rememberedMapping(signature: string): ColumnMapping | undefined {
  return Object.hasOwn(readAll(), signature) ? readAll()[signature] : undefined;
}

export function rememberMapping(signature: string, mapping: ColumnMapping): void {
  rememberMappings({ [signature]: mapping });
}

/** Every mapping remembered here, to save and send with the workspace. */
export function rememberedMappings(): Record<string, ColumnMapping> {
  return readAll();
}

/** Mappings from a saved or received workspace join those remembered (theirs win). */
export function rememberMappings(mappings: Record<string, ColumnMapping>): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...readAll(), ...mappings }));
  } catch {
    // Storage full or forbidden (private window): the mapping still applies to this load.
  }
}
