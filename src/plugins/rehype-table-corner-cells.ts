/**
 * Turns an empty header cell (the blank corner of a comparison table, `| | Option A | Option B |`)
 * into a data cell: `<th></th>` becomes `<td></td>`. A header cell with no text names nothing, and
 * screen readers announce it as an empty column header (axe: empty-table-header); an empty <td>
 * is the accessible way to leave the corner blank. Cells with any text are left alone.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { toString } from 'hast-util-to-string';

export function rehypeTableCornerCells() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'th' && toString(node).trim() === '') node.tagName = 'td';
    });
  };
}
