// Text cells hold Markdown written by anyone (a notebook file may arrive by email), so it becomes
// a small tree of plain strings that the view renders as text nodes, never as HTML. Raw HTML stays
// visible source, images are never fetched (a fetch would tell a server the file was opened), and a
// link keeps its destination only when it is http(s), mailto or a fragment of this page.
import { Lexer, type MarkedToken, type Token, type Tokens } from 'marked';

export type MdAlign = 'left' | 'center' | 'right' | null;
export type MdHeadingDepth = 1 | 2 | 3 | 4 | 5 | 6;

export type MdInline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em' | 'del'; children: MdInline[] }
  | { kind: 'code'; text: string }
  | { kind: 'br' }
  /** `href` is null when the destination is not allowed: the view shows the text alone. */
  | { kind: 'link'; href: string | null; title: string | null; children: MdInline[] }
  /** Only the alt text: the address is dropped so nothing can load it. */
  | { kind: 'image'; alt: string };

export interface MdListItem {
  /** null when the item is not a task (`- [ ]`). */
  checked: boolean | null;
  blocks: MdBlock[];
}

export type MdBlock =
  | { kind: 'heading'; depth: MdHeadingDepth; inlines: MdInline[] }
  | { kind: 'paragraph'; inlines: MdInline[] }
  | { kind: 'list'; ordered: boolean; start: number; loose: boolean; items: MdListItem[] }
  | { kind: 'blockquote'; blocks: MdBlock[] }
  | { kind: 'code'; lang: string; text: string }
  | { kind: 'table'; align: MdAlign[]; header: MdInline[][]; rows: MdInline[][][] }
  | { kind: 'hr' }
  /** Source shown exactly as typed, line breaks kept: raw HTML, or text Markdown could not parse. */
  | { kind: 'literal'; text: string }
  /** Closes a text cut at MAX_TEXT_LENGTH characters. */
  | { kind: 'truncated'; shown: number; total: number };

// marked's lexer takes time growing with the square of some inputs (a 200,000-character run of
// `_a` took 20 s): a cell renders at most this much, and the notebook bounds the total.
export const MAX_TEXT_LENGTH = 20_000;
/** Quotes and lists nest at most this deep (and emphasis inside a block); deeper ones flatten. */
export const MAX_DEPTH = 20;

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

// marked leaves named character references in text and all of them in link destinations (its HTML
// output relies on the browser to decode them). These are the ones people type; any other stays
// as written, which is safe because a destination is only kept after it parses as an allowed URL.
const NAMED_ENTITIES = new Map(
  Object.entries({
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: '\u00a0',
    shy: '\u00ad',
    copy: '©',
    reg: '®',
    trade: '™',
    hellip: '…',
    ndash: '–',
    mdash: '—',
    lsquo: '‘',
    rsquo: '’',
    ldquo: '“',
    rdquo: '”',
    laquo: '«',
    raquo: '»',
    middot: '·',
    bull: '•',
    deg: '°',
    times: '×',
    divide: '÷',
    plusmn: '±',
    le: '≤',
    ge: '≥',
    ne: '≠',
    larr: '←',
    rarr: '→',
    euro: '€',
    sect: '§',
    para: '¶',
  }),
);
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/** Markdown to a tree holding no HTML and no address that loads anything by itself. */
export function parseMarkdown(text: string): MdBlock[] {
  const shown = keepPrefix(text, MAX_TEXT_LENGTH);
  const blocks = markdownBlocks(shown);
  if (shown.length === text.length) return blocks;
  return [...blocks, { kind: 'truncated', shown: shown.length, total: text.length }];
}

/** The destination a link may keep, or null. Expects character references already decoded. */
export function safeHref(destination: string): string | null {
  const href = destination.trim();
  if (href.startsWith('#')) return href;
  let url: URL;
  try {
    // The URL parser drops the tabs, newlines and leading controls a browser would drop, and
    // lowercases the scheme, so the protocol seen here is the one a click would use.
    url = new URL(href);
  } catch {
    return null;
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : null;
}

function keepPrefix(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  // A cut between the two halves of a surrogate pair would leave half a character.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function markdownBlocks(text: string): MdBlock[] {
  let tokens: Token[];
  try {
    // A fresh options object: the lexer writes its tokenizer into it, and marked's shared
    // defaults could carry extensions another module registered.
    tokens = new Lexer({ gfm: true }).lex(text);
  } catch {
    // marked recurses once per nesting level without a limit: a few thousand `>` overflow it.
    return [{ kind: 'literal', text }];
  }
  return toBlocks(tokens, 0);
}

function toBlocks(tokens: Token[], depth: number): MdBlock[] {
  const source = depth < MAX_DEPTH ? tokens : withoutContainers(tokens);
  return source.flatMap((token) => toBlock(token as MarkedToken, depth) ?? []);
}

function toBlock(token: MarkedToken, depth: number): MdBlock | null {
  switch (token.type) {
    case 'heading':
      return {
        kind: 'heading',
        depth: headingDepth(token.depth),
        inlines: toInlines(token.tokens),
      };
    case 'paragraph':
    case 'text':
      return { kind: 'paragraph', inlines: toInlines(token.tokens ?? [token]) };
    case 'list':
      return toList(token, depth);
    case 'blockquote':
      return { kind: 'blockquote', blocks: toBlocks(token.tokens, depth + 1) };
    case 'code':
      return {
        kind: 'code',
        lang: /^\S*/.exec(token.lang?.trim() ?? '')?.[0] ?? '',
        text: token.text,
      };
    case 'table':
      return toTable(token);
    case 'hr':
      return { kind: 'hr' };
    case 'html':
      return { kind: 'literal', text: token.text.replace(/\n+$/, '') };
    case 'space':
    case 'def':
    case 'checkbox':
      return null;
    default:
      return { kind: 'literal', text: token.raw };
  }
}

function headingDepth(depth: number): MdHeadingDepth {
  return Math.min(6, Math.max(1, depth)) as MdHeadingDepth;
}

function toList(token: Tokens.List, depth: number): MdBlock {
  return {
    kind: 'list',
    ordered: token.ordered,
    start: typeof token.start === 'number' ? token.start : 1,
    loose: token.loose,
    items: token.items.map((item) => ({
      checked: item.task ? (item.checked ?? false) : null,
      blocks: toBlocks(item.tokens, depth + 1),
    })),
  };
}

function toTable(token: Tokens.Table): MdBlock {
  return {
    kind: 'table',
    align: token.align,
    header: token.header.map((cell) => toInlines(cell.tokens)),
    rows: token.rows.map((row) => row.map((cell) => toInlines(cell.tokens))),
  };
}

/** Past MAX_DEPTH, quotes and lists give up their nesting and their contents follow in order. */
function withoutContainers(tokens: Token[]): Token[] {
  const leaves: Token[] = [];
  const stack = [...tokens].reverse();
  for (let token = stack.pop(); token; token = stack.pop()) {
    const children = containerChildren(token as MarkedToken);
    if (children) pushReversed(stack, children);
    else leaves.push(token);
  }
  return leaves;
}

// A loop, not push(...items): spreading tens of thousands of list items exceeds argument limits.
function pushReversed(stack: Token[], items: Token[]): void {
  for (let i = items.length - 1; i >= 0; i--) stack.push(items[i] as Token);
}

function containerChildren(token: MarkedToken): Token[] | null {
  if (token.type === 'blockquote' || token.type === 'list_item') return token.tokens;
  if (token.type === 'list') return token.items;
  return null;
}

function toInlines(tokens: Token[], depth = 0): MdInline[] {
  if (depth >= MAX_DEPTH) return [{ kind: 'text', text: plainText(tokens) }];
  return tokens.flatMap((token) => toInline(token as MarkedToken, depth) ?? []);
}

function toInline(token: MarkedToken, depth: number): MdInline | null {
  switch (token.type) {
    case 'strong':
    case 'em':
    case 'del':
      return { kind: token.type, children: toInlines(token.tokens, depth + 1) };
    case 'codespan':
      return { kind: 'code', text: token.text };
    case 'br':
      return { kind: 'br' };
    case 'link':
      return toLink(token, depth);
    case 'image':
      return { kind: 'image', alt: plainText(token.tokens) };
    case 'checkbox':
      return null;
    default:
      return { kind: 'text', text: leafText(token) };
  }
}

function toLink(token: Tokens.Link, depth: number): MdInline {
  // Autolinks and bare URLs are literal: marked resolves no character references in them.
  if (token.autolink) {
    const children: MdInline[] = [{ kind: 'text', text: token.text }];
    return { kind: 'link', href: safeHref(token.href), title: null, children };
  }
  return {
    kind: 'link',
    href: safeHref(decodeEntities(token.href)),
    title: token.title ? decodeEntities(token.title) : null,
    children: toInlines(token.tokens, depth + 1),
  };
}

/** The text of inline tokens with all markup dropped, walked without recursion. */
function plainText(tokens: Token[]): string {
  let text = '';
  const stack = [...tokens].reverse();
  for (let token = stack.pop(); token; token = stack.pop()) {
    const marked = token as MarkedToken;
    if (marked.type !== 'text' && 'tokens' in marked && marked.tokens) {
      pushReversed(stack, marked.tokens);
    } else {
      text += leafText(marked);
    }
  }
  return text;
}

function leafText(token: MarkedToken): string {
  switch (token.type) {
    case 'text':
      // `escaped` marks text inside raw <script>/<pre> tags, shown as source with those tags.
      return token.escaped ? token.text : decodeEntities(token.text);
    case 'escape':
    case 'codespan':
    case 'html':
      return token.text;
    case 'br':
      return '\n';
    default:
      return token.raw;
  }
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES.get(name) ?? whole;
    return fromCodePoint(Number.parseInt(dec ?? hex ?? '', dec === undefined ? 16 : 10));
  });
}

function fromCodePoint(code: number): string {
  const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return valid ? String.fromCodePoint(code) : '\uFFFD';
}
