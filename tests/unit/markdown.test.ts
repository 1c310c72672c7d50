// Text cells are Markdown from anyone: the tree must carry structure, never HTML, never a script
// URL, never an address an image could be loaded from, and stay bounded on hostile input.
import { describe, expect, it } from 'vitest';
import {
  MAX_DEPTH,
  MAX_TEXT_LENGTH,
  parseMarkdown,
  safeHref,
  type MdBlock,
  type MdInline,
} from '../../src/lib/notebook/markdown';

/** Every inline node of the tree, depth first. */
function allInlines(blocks: MdBlock[]): MdInline[] {
  const out: MdInline[] = [];
  const visit = (list: MdInline[]): void => {
    for (const node of list) {
      out.push(node);
      if ('children' in node) visit(node.children);
    }
  };
  for (const block of blocks) {
    if (block.kind === 'heading' || block.kind === 'paragraph') visit(block.inlines);
    if (block.kind === 'blockquote') out.push(...allInlines(block.blocks));
    if (block.kind === 'list') for (const item of block.items) out.push(...allInlines(item.blocks));
    if (block.kind === 'table')
      for (const cell of [...block.header, ...block.rows.flat()]) visit(cell);
  }
  return out;
}

const links = (markdown: string) =>
  allInlines(parseMarkdown(markdown)).filter((node) => node.kind === 'link');

/** The only block of a one-block document. */
function only(markdown: string): MdBlock {
  const blocks = parseMarkdown(markdown);
  expect(blocks).toHaveLength(1);
  return blocks[0] as MdBlock;
}

describe('structure', () => {
  it('reads headings, emphasis, code spans and line breaks', () => {
    expect(parseMarkdown('## Kết quả *năm* 2024\n\nA **b** ~~c~~ `d<e>`  \nf')).toEqual([
      {
        kind: 'heading',
        depth: 2,
        inlines: [
          { kind: 'text', text: 'Kết quả ' },
          { kind: 'em', children: [{ kind: 'text', text: 'năm' }] },
          { kind: 'text', text: ' 2024' },
        ],
      },
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: 'A ' },
          { kind: 'strong', children: [{ kind: 'text', text: 'b' }] },
          { kind: 'text', text: ' ' },
          { kind: 'del', children: [{ kind: 'text', text: 'c' }] },
          { kind: 'text', text: ' ' },
          { kind: 'code', text: 'd<e>' },
          { kind: 'br' },
          { kind: 'text', text: 'f' },
        ],
      },
    ]);
  });

  it('reads ordered, unordered and task lists with nested blocks', () => {
    const ordered = only('3. một\n4. hai\n   - con');
    expect(ordered).toMatchObject({ kind: 'list', ordered: true, start: 3, loose: false });
    if (ordered.kind !== 'list') throw new Error('not a list');
    expect(ordered.items[0]).toEqual({
      checked: null,
      blocks: [{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'một' }] }],
    });
    expect(ordered.items[1]?.blocks[1]).toMatchObject({ kind: 'list', ordered: false, start: 1 });

    const tasks = only('- [ ] làm\n- [x] xong');
    if (tasks.kind !== 'list') throw new Error('not a list');
    expect(tasks.items.map((item) => item.checked)).toEqual([false, true]);
    expect(tasks.items[1]?.blocks).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'xong' }] },
    ]);
  });

  it('reads tables with alignment and inline cells', () => {
    expect(only('| Mã | Điểm |\n|:--|--:|\n| X1 | **8** |')).toEqual({
      kind: 'table',
      align: ['left', 'right'],
      header: [[{ kind: 'text', text: 'Mã' }], [{ kind: 'text', text: 'Điểm' }]],
      rows: [
        [
          [{ kind: 'text', text: 'X1' }],
          [{ kind: 'strong', children: [{ kind: 'text', text: '8' }] }],
        ],
      ],
    });
  });

  it('keeps code blocks, their language and quotes as text', () => {
    expect(only('```sql title=x\nSELECT 1 < 2;\n```')).toEqual({
      kind: 'code',
      lang: 'sql',
      text: 'SELECT 1 < 2;',
    });
    expect(only('    indented')).toEqual({ kind: 'code', lang: '', text: 'indented' });
    expect(parseMarkdown('> trích\n\n---')).toEqual([
      {
        kind: 'blockquote',
        blocks: [{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'trích' }] }],
      },
      { kind: 'hr' },
    ]);
  });

  it('decodes character references in text but not in code', () => {
    expect(only('a &amp; b &lt;c&gt; &#273;&#x1EA1; &copy; &bogus; `&amp;`')).toEqual({
      kind: 'paragraph',
      inlines: [
        { kind: 'text', text: 'a & b <c> đạ © &bogus; ' },
        { kind: 'code', text: '&amp;' },
      ],
    });
    expect(only('\\*x\\*')).toMatchObject({
      inlines: [
        { kind: 'text', text: '*' },
        { kind: 'text', text: 'x' },
        { kind: 'text', text: '*' },
      ],
    });
  });

  it('resolves reference links and renders the definitions as nothing', () => {
    expect(parseMarkdown('[văn bản][qd]\n\n[qd]: https://example.com/qd "QĐ"')).toEqual([
      {
        kind: 'paragraph',
        inlines: [
          {
            kind: 'link',
            href: 'https://example.com/qd',
            title: 'QĐ',
            children: [{ kind: 'text', text: 'văn bản' }],
          },
        ],
      },
    ]);
  });
});

describe('raw HTML is shown as its source', () => {
  it.each(['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'])('block %s', (html) => {
    expect(parseMarkdown(html)).toEqual([{ kind: 'literal', text: html }]);
  });

  it.each(['<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">'])(
    'inline %s',
    (html) => {
      expect(only(`xem ${html} nhé`)).toEqual({
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: 'xem ' },
          { kind: 'text', text: html },
          { kind: 'text', text: ' nhé' },
        ],
      });
    },
  );

  it('keeps the inside of an inline <script> as typed', () => {
    const nodes = allInlines(parseMarkdown('a <script>alert("&amp;")</script> b'));
    expect(nodes.map((node) => (node.kind === 'text' ? node.text : node.kind)).join('')).toBe(
      'a <script>alert("&amp;")</script> b',
    );
  });

  it('keeps multi-line HTML blocks line by line', () => {
    expect(parseMarkdown('<div>\n<b>x</b>\n</div>\n\nsau')).toEqual([
      { kind: 'literal', text: '<div>\n<b>x</b>\n</div>' },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'sau' }] },
    ]);
  });

  it('leaves template syntax as plain text', () => {
    const template = "{{constructor.constructor('alert(1)')()}}";
    expect(only(template)).toEqual({
      kind: 'paragraph',
      inlines: [{ kind: 'text', text: template }],
    });
  });
});

describe('links', () => {
  it.each([
    '[x](javascript:alert(1))',
    '[x]( JaVaScRiPt:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](&#x6A;avascript&#58;alert(1))',
    '[x](java&#9;script:alert(1))',
    '[x](javascript&colon;alert(1))',
    '[x](<javascript:alert(1)>)',
    '[x](data:text/html,<script>alert(1)</script>)',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox(1))',
    '[x](//evil.example)',
    '[x](/etc/passwd)',
    '[x](notes.md)',
    '[x][r]\n\n[r]: javascript:alert(1)',
  ])('%s keeps its text and loses its destination', (markdown) => {
    expect(links(markdown)).toEqual([
      { kind: 'link', href: null, title: null, children: [{ kind: 'text', text: 'x' }] },
    ]);
  });

  it('refuses script autolinks and keeps their text', () => {
    expect(links('<javascript:alert(1)>')).toEqual([
      {
        kind: 'link',
        href: null,
        title: null,
        children: [{ kind: 'text', text: 'javascript:alert(1)' }],
      },
    ]);
  });

  it('keeps http, https, mailto and fragment destinations', () => {
    expect(links('[ok](https://example.com/a?b=1)')[0]).toMatchObject({
      href: 'https://example.com/a?b=1',
    });
    expect(links('[ok](HTTP://Example.com)')[0]).toMatchObject({ href: 'http://example.com/' });
    expect(links('[thư](mailto:a@example.com)')[0]).toMatchObject({
      href: 'mailto:a@example.com',
    });
    expect(links('[mục](#ket-qua)')[0]).toMatchObject({ href: '#ket-qua' });
    expect(links('[x](https://example.com/?a=1&amp;b=2)')[0]).toMatchObject({
      href: 'https://example.com/?a=1&b=2',
    });
  });

  it('follows the same rule for autolinks and bare URLs', () => {
    expect(
      links('<https://example.com> www.example.org a@example.com').map(
        (l) => l.kind === 'link' && l.href,
      ),
    ).toEqual(['https://example.com/', 'http://www.example.org/', 'mailto:a@example.com']);
  });

  it('checks the decoded, parsed protocol', () => {
    expect(safeHref('java\tscript:alert(1)')).toBeNull();
    expect(safeHref('\u0000javascript:alert(1)')).toBeNull();
    expect(safeHref(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHref('https://example.com')).toBe('https://example.com/');
  });
});

describe('images are never loadable', () => {
  it('keeps the alt text only', () => {
    const tree = parseMarkdown('![a **b**](https://evil.example/p.png "t")');
    expect(tree).toEqual([{ kind: 'paragraph', inlines: [{ kind: 'image', alt: 'a b' }] }]);
    expect(JSON.stringify(tree)).not.toContain('evil.example');
  });

  it('drops the address of referenced and linked images', () => {
    const tree = parseMarkdown(
      '![a][p] [![b](https://evil.example/q.png)](https://example.com)\n\n[p]: https://evil.example/p.png',
    );
    expect(JSON.stringify(tree)).not.toContain('evil.example');
    expect(allInlines(tree).filter((node) => node.kind === 'image')).toEqual([
      { kind: 'image', alt: 'a' },
      { kind: 'image', alt: 'b' },
    ]);
  });
});

describe('size and depth', () => {
  it('truncates long text and says so', () => {
    const blocks = parseMarkdown('a'.repeat(300_000));
    expect(blocks.at(-1)).toEqual({ kind: 'truncated', shown: MAX_TEXT_LENGTH, total: 300_000 });
    expect(blocks[0]).toEqual({
      kind: 'paragraph',
      inlines: [{ kind: 'text', text: 'a'.repeat(MAX_TEXT_LENGTH) }],
    });
  });

  it('does not cut a character in half', () => {
    const blocks = parseMarkdown('a'.repeat(MAX_TEXT_LENGTH - 1) + '😀'.repeat(10));
    expect(blocks.at(-1)).toMatchObject({ kind: 'truncated', shown: MAX_TEXT_LENGTH - 1 });
  });

  it('flattens quotes nested past the limit', () => {
    let block = only(`${'>'.repeat(1000)} sâu`);
    let depth = 0;
    while (block.kind === 'blockquote') {
      depth++;
      block = block.blocks[0] as MdBlock;
    }
    expect(depth).toBe(MAX_DEPTH);
    expect(block).toEqual({ kind: 'paragraph', inlines: [{ kind: 'text', text: 'sâu' }] });
  });

  it('flattens lists nested past the limit', () => {
    let block = only(`${'- '.repeat(1000)}x`);
    let depth = 0;
    while (block.kind === 'list') {
      depth++;
      block = block.items[0]?.blocks[0] as MdBlock;
    }
    expect(depth).toBe(MAX_DEPTH);
    expect(block).toEqual({ kind: 'paragraph', inlines: [{ kind: 'text', text: 'x' }] });
  });

  it('shows text too deep for the parser as plain source', () => {
    const markdown = `${'>'.repeat(10_000)} x`;
    expect(parseMarkdown(markdown)).toEqual([{ kind: 'literal', text: markdown }]);
  });

  it('flattens emphasis nested past the limit into text', () => {
    const markdown = `${'*'.repeat(200)}a${'*'.repeat(200)}`;
    const nodes = allInlines(parseMarkdown(markdown));
    expect(nodes.filter((node) => node.kind === 'em' || node.kind === 'strong')).toHaveLength(
      MAX_DEPTH,
    );
    expect(
      nodes.filter((node) => node.kind === 'text').map((node) => node.kind === 'text' && node.text),
    ).toEqual(['a']);
  });
});
