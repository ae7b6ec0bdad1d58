import { describe, expect, it } from 'vitest';
import {
  definedIdentifiers,
  headingsMeta,
  prepareForIndex,
  searchMetaAttributes,
  isRuntimeFile,
  isUnusedUiFile,
  runtimeKey,
  separateAdjacentCells,
  versionRuntime,
} from '../../src/lib/search-index.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('separateAdjacentCells', () => {
  it('puts a space between adjacent header cells and definition terms, which Pagefind would merge', () => {
    expect(
      separateAdjacentCells(
        '<tr><th></th><th><code>RoleA</code></th><th class="x">RoleB</th></tr>',
      ),
    ).toBe('<tr><th></th> <th><code>RoleA</code></th> <th class="x">RoleB</th></tr>');
    expect(separateAdjacentCells('<dl><dt>Term</dt><dd>Meaning</dd></dl>')).toBe(
      '<dl><dt>Term</dt> <dd>Meaning</dd></dl>',
    );
  });

  it('leaves other markup and text alone', () => {
    const html = '<p>a</p><p>b</p><code>&lt;/th&gt;&lt;th&gt;</code><thead><tr>';
    expect(separateAdjacentCells(html)).toBe(html);
  });
});

describe('runtime files', () => {
  it('tells Pagefind’s runtime from its index data and its unused UIs', () => {
    expect(
      ['pagefind.js', 'pagefind-worker.js', 'wasm.en.pagefind', 'wasm.unknown.pagefind'].every(
        isRuntimeFile,
      ),
    ).toBe(true);
    expect(
      [
        'pagefind-entry.json',
        'pagefind.en_1.pf_meta',
        'index/en_1.pf_index',
        'pagefind-ui.js',
      ].some(isRuntimeFile),
    ).toBe(false);
    expect(
      [
        'pagefind-ui.js',
        'pagefind-component-ui.css',
        'pagefind-highlight.js',
        'pagefind-modular-ui.js',
      ].every(isUnusedUiFile),
    ).toBe(true);
    expect(isUnusedUiFile('pagefind.js')).toBe(false);
  });
});

describe('runtimeKey', () => {
  const runtime = [
    { path: 'pagefind.js', content: bytes('js') },
    { path: 'pagefind-worker.js', content: bytes('worker') },
    { path: 'wasm.en.pagefind', content: bytes('wasm') },
  ];

  it('depends on the runtime’s bytes only, not on the index or the file order', () => {
    const key = runtimeKey(runtime);
    expect(key).toMatch(/^[0-9a-f]{12}$/);
    expect(runtimeKey([...runtime].reverse())).toBe(key);
    expect(
      runtimeKey([
        ...runtime,
        { path: 'pagefind-entry.json', content: bytes('{}') },
        { path: 'index/en_1.pf_index', content: bytes('x') },
      ]),
    ).toBe(key);
    expect(
      runtimeKey(
        runtime.map((f) =>
          f.path === 'pagefind-worker.js' ? { ...f, content: bytes('worker 2') } : f,
        ),
      ),
    ).not.toBe(key);
  });

  it('refuses a bundle without the runtime, naming what is missing', () => {
    expect(() => runtimeKey([{ path: 'pagefind.js', content: bytes('js') }])).toThrow(
      /pagefind-worker\.js/,
    );
  });
});

describe('versionRuntime', () => {
  const js =
    'a;const workerUrl=`${basePath}pagefind-worker.js`;b;const wasm_url=`${this.basePath}wasm.${language}.pagefind`;c';

  it('adds the key to the worker and WebAssembly URLs', () => {
    expect(versionRuntime('pagefind.js', js, 'k1')).toBe(
      'a;const workerUrl=`${basePath}pagefind-worker.js?v=k1`;b;const wasm_url=`${this.basePath}wasm.${language}.pagefind?v=k1`;c',
    );
    expect(
      versionRuntime('pagefind-worker.js', 'x=`${this.basePath}wasm.${language}.pagefind`', 'k1'),
    ).toBe('x=`${this.basePath}wasm.${language}.pagefind?v=k1`');
  });

  it('fails loudly, naming the file and the fix, when a Pagefind upgrade moved those lines', () => {
    expect(() => versionRuntime('pagefind.js', 'new Worker(url)', 'k1')).toThrow(
      /pagefind\/pagefind\.js.*versionRuntime\(\) in src\/lib\/search-index\.ts/s,
    );
  });
});

describe('headingsMeta', () => {
  it('lists every h2 and h3 text in page order', () => {
    expect(
      headingsMeta([
        {
          text: 'Who can disable GuardDuty?',
          children: [{ text: 'Service control policy', children: [] }],
        },
        { text: 'Condition keys', children: [] },
      ]),
    ).toBe('Who can disable GuardDuty? · Service control policy · Condition keys');
    expect(headingsMeta([])).toBe('');
  });
});

describe('definedIdentifiers and prepareForIndex', () => {
  const html =
    '<article data-pagefind-body><h2>The <code>Ops</code> role</h2>' +
    '<table><thead><tr><th>Policy</th><th><code>RoleA</code></th></tr></thead><tbody>' +
    '<tr><td><code>PolicyOne</code> (recommended)</td><td>mentions <code>Other</code></td></tr>' +
    '<tr><th><code>a&amp;b</code></th><td>x</td></tr></tbody></table>' +
    '<p>Prose <code>Mentioned</code></p><dl><dt><code>Term</code></dt><dd>d</dd></dl></article>';

  it('finds code in headings, header rows, first cells of rows and definition terms only', () => {
    expect(definedIdentifiers(html)).toEqual(['Ops', 'Term', 'RoleA', 'PolicyOne', 'a&b']);
  });

  it('lists them in a meta field inside the indexed body, changing nothing else', () => {
    const prepared = prepareForIndex(html);
    expect(prepared).toContain(
      '<article data-pagefind-body><span data-pagefind-meta="defines:Ops · Term · RoleA · PolicyOne · a&amp;b"></span><h2>',
    );
    expect(prepared.replace(/<span data-pagefind-meta="[^"]*"><\/span>/, '')).toBe(
      separateAdjacentCells(html),
    );
    expect(prepareForIndex('<main data-pagefind-body><p>none</p></main>')).toBe(
      '<main data-pagefind-body><p>none</p></main>',
    );
  });
});

describe('searchMetaAttributes', () => {
  const toc = [{ text: 'Roles', children: [{ text: 'Delete', children: [] }] }];

  it('gives Pagefind the headings, and the aliases only when the page has some', () => {
    expect(searchMetaAttributes(toc, [])).toEqual({
      'data-pagefind-meta': 'headings[data-headings]',
      'data-headings': 'Roles · Delete',
    });
    expect(searchMetaAttributes(toc, ['SLR', 'service linked role'])).toEqual({
      'data-pagefind-meta': 'headings[data-headings], aliases[data-aliases]',
      'data-headings': 'Roles · Delete',
      'data-aliases': 'SLR · service linked role',
    });
  });
});
