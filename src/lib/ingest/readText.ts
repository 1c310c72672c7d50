// A text file → what staging needs of it: its head (to find the layout), where each record
// starts, and a way to hand it to DuckDB. A UTF-8 file already in NFC — what exports nearly
// always are — is read chunk by chunk and handed over as it is, so the tab never holds the whole
// file, decoded or not. Any other (a legacy code page, mixed lines, UTF-16, letters not in NFC)
// is decoded whole and handed over re-encoded.
import type { Engine } from '../db/engine';
import { LineCounter } from './csvRecords';
import {
  decodeText,
  hasUtf8Bom,
  UnreadableLines,
  utf16Of,
  type DecodedText,
  type EncodingFinding,
  type TextEncodingName,
} from './decodeText';
import { unreadableLinesError } from './encodingNote';
import { blobBytes, type InputFile } from './inputFile';
import { checkpoint, type LoadControl } from './progress';

export interface ReadText {
  /** The text's first lines, enough to find the layout (the whole text when read whole). */
  head: string;
  encoding: TextEncodingName;
  finding: EncodingFinding | null;
  lines: LineCounter;
  /** Makes the text, in UTF-8 and NFC, readable by DuckDB under `name`. */
  register(engine: Engine, name: string): Promise<void>;
}

const CHUNK = 8 * 1024 ** 2;

/**
 * NFC could join a letter at the end of one chunk with a combining mark (or Hangul vowel) that
 * opens the next: a chunk opening with one is not judged alone.
 */
const JOINS_PREVIOUS = /^[\p{M}\u1160-\u11ff]/u;

export async function readText(
  file: InputFile,
  maxLineChars: number,
  options: { encoding?: TextEncodingName } & LoadControl,
): Promise<ReadText> {
  const chosen = options.encoding;
  const utf8 = chosen === undefined || chosen === 'utf-8' || chosen === 'utf-8-bom';
  const asIs = utf8 ? await readAsIs(file, maxLineChars, chosen, options) : null;
  if (asIs) return asIs;
  const decoded = decodeOrRefuse(file.name, await blobBytes(file.data), chosen);
  const lines = new LineCounter(maxLineChars);
  lines.push(decoded.text);
  return {
    head: decoded.text,
    encoding: decoded.encoding,
    finding: decoded.finding,
    lines,
    // Re-encoded from the decoded text: DuckDB reads UTF-8, and NFC keeps Vietnamese comparable.
    register: (engine, name) => engine.registerFile(name, new TextEncoder().encode(decoded.text)),
  };
}

/** The file read in chunks, or null as soon as it is not UTF-8 in NFC (it is read whole then). */
async function readAsIs(
  file: InputFile,
  maxLineChars: number,
  chosen: 'utf-8' | 'utf-8-bom' | undefined,
  control: LoadControl,
): Promise<ReadText | null> {
  const { data } = file;
  // Fatal: a byte that is not UTF-8 ends this reading. The BOM is left out of the text.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lines = new LineCounter(maxLineChars);
  let head: string | null = null;
  let bom = false;
  for (let at = 0; at < data.size; at += CHUNK) {
    checkpoint(control, file.name, 'reading', at, data.size);
    const bytes = await blobBytes(data.slice(at, at + CHUNK));
    const more = at + CHUNK < data.size;
    if (at === 0) {
      if (!chosen && utf16Of(bytes)) return null;
      bom = hasUtf8Bom(bytes);
    }
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: more });
    } catch {
      return null;
    }
    if ((at > 0 && JOINS_PREVIOUS.test(text)) || text !== text.normalize('NFC')) return null;
    lines.push(text);
    head ??= more ? wholeLines(text) : text;
  }
  return {
    head: head ?? '',
    encoding: chosen ?? (bom ? 'utf-8-bom' : 'utf-8'),
    finding: null,
    lines,
    register: (engine, name) => engine.registerFile(name, data),
  };
}

/** The text up to its last line break: a line cut by the chunk's end is not part of the head. */
function wholeLines(text: string): string {
  const end = text.lastIndexOf('\n');
  return end < 0 ? text : text.slice(0, end + 1);
}

/** The file's text, or a refusal naming the lines that no encoding makes text of. */
function decodeOrRefuse(
  name: string,
  bytes: Uint8Array,
  encoding: TextEncodingName | undefined,
): DecodedText {
  try {
    return decodeText(bytes, encoding);
  } catch (e) {
    throw e instanceof UnreadableLines ? unreadableLinesError(name, e) : e;
  }
}
