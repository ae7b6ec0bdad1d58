/**
 * A scenarios block as the reader sees it, under its policy: one table whose rows say what is
 * tried, the request (principal, action, resource, context) and the expected result, which the
 * build has checked by simulation. The same rows become HTML for the page (lean markup: no
 * classes, so the page stays inside its 14 KiB budget) and a GFM table for the Markdown twin.
 *
 *   <table data-pagefind-ignore><caption>Scenarios for <code>export-key</code>, checked by simulation at build
 *   time</caption><thead><tr><th>Scenario</th><th>Request</th><th>Expected</th></tr></thead>
 *   <tbody><tr><th scope="row">GuardDuty encrypts…</th><td><code>guardduty.amazonaws.com</code>
 *   calls <code>kms:GenerateDataKey</code> on <code>arn:…</code> with …</td>
 *   <td>Allowed</td></tr>…
 */
import type { Element, ElementContent } from 'hast';
import type { Paragraph, PhrasingContent, Table, TableCell, TableRow } from 'mdast';
import type { Expectation, ScenarioBlock } from './scenarios.ts';

/** A piece of a cell: plain words or a literal name (ARN, action, key). */
type Piece = { code: string } | { text: string };

/** One scenario as a table row. */
interface ScenarioRow {
  name: string;
  request: Piece[];
  expect: string;
}

const expectWords: Record<Expectation, string> = {
  allowed: 'Allowed',
  denied: 'Denied',
  'explicitly denied': 'Explicitly denied',
  'implicitly denied': 'Implicitly denied',
};

const headers = ['Scenario', 'Request', 'Expected'] as const;

/** The caption: which policies the block tests, and that the build proved it. */
function captionPieces(block: ScenarioBlock): Piece[] {
  return [
    { text: 'Scenarios for ' },
    ...joined(
      block.policies.map((id) => [{ code: id }]),
      ' and ',
    ),
    { text: ', checked by simulation at build time' },
  ];
}

/** The rows of a block, in the order written. */
function rowsOf(block: ScenarioBlock): ScenarioRow[] {
  return block.scenarios.map((s) => {
    const request: Piece[] = [
      { code: s.principal },
      { text: ' calls ' },
      { code: s.action },
      { text: ' on ' },
      { code: s.resource },
    ];
    if (s.context.length > 0) {
      request.push({ text: ' with ' });
      request.push(
        ...joined(
          s.context.map(([key, value]) => [
            { code: key },
            { text: ' = ' },
            { code: typeof value === 'string' ? value : value.join(', ') },
          ]),
          ', ',
        ),
      );
    }
    if (s.ownPolicies) {
      request.push({ text: '; policies: ' });
      request.push(
        ...joined(
          s.policies.map((id) => [{ code: id }]),
          ', ',
        ),
      );
    }
    return { name: s.name, request, expect: expectWords[s.expect] };
  });
}

function joined(groups: Piece[][], separator: string): Piece[] {
  return groups.flatMap((group, i) => (i === 0 ? group : [{ text: separator }, ...group]));
}

/** The block as an HTML table (hast). */
export function scenarioTableHast(block: ScenarioBlock): Element {
  const cell = (tagName: 'th' | 'td', children: ElementContent[], rowHeader = false): Element => ({
    type: 'element',
    tagName,
    properties: rowHeader ? { scope: 'row' } : {},
    children,
  });
  const element = (tagName: string, children: ElementContent[]): Element => ({
    type: 'element',
    tagName,
    properties: {},
    children,
  });
  const rows = rowsOf(block).map((row) =>
    element('tr', [
      cell('th', [{ type: 'text', value: row.name }], true),
      cell('td', row.request.map(toHast)),
      cell('td', [{ type: 'text', value: row.expect }]),
    ]),
  );
  // Out of the search index: the rows repeat the policy's ARNs, and a page's 30 rows would
  // outweigh its prose in ranking and excerpts.
  return {
    ...element('table', [
      element('caption', captionPieces(block).map(toHast)),
      element('thead', [
        element(
          'tr',
          headers.map((h) => cell('th', [{ type: 'text', value: h }])),
        ),
      ]),
      element('tbody', rows),
    ]),
    properties: { dataPagefindIgnore: true },
  };
}

function toHast(piece: Piece): ElementContent {
  return 'code' in piece
    ? {
        type: 'element',
        tagName: 'code',
        properties: {},
        children: [{ type: 'text', value: piece.code }],
      }
    : { type: 'text', value: piece.text };
}

/** The block as Markdown (mdast): the caption as a paragraph, then a GFM table. */
export function scenarioTableMdast(block: ScenarioBlock): [Paragraph, Table] {
  const caption: Paragraph = {
    type: 'paragraph',
    children: [{ type: 'strong', children: captionPieces(block).map(toMdast) }],
  };
  const cell = (children: PhrasingContent[]): TableCell => ({ type: 'tableCell', children });
  const table: Table = {
    type: 'table',
    align: [null, null, null],
    children: [
      { type: 'tableRow', children: headers.map((h) => cell([{ type: 'text', value: h }])) },
      ...rowsOf(block).map((row): TableRow => ({
        type: 'tableRow',
        children: [
          cell([{ type: 'text', value: row.name }]),
          cell(row.request.map(toMdast)),
          cell([{ type: 'text', value: row.expect }]),
        ],
      })),
    ],
  };
  return [caption, table];
}

function toMdast(piece: Piece): PhrasingContent {
  return 'code' in piece
    ? { type: 'inlineCode', value: piece.code }
    : { type: 'text', value: piece.text };
}
