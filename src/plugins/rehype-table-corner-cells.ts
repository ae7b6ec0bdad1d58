/**
 * Turns an empty header cell (the blank corner of a comparison table, `| | Option A | Option B |`)
 * into a data cell: `<th></th>` becomes `<td></td>`. A header cell with no text names nothing, and
 * screen readers announce it as an empty column header (axe: empty-table-header); an empty <td>
 * is the accessible way to leave the corner blank. Cells with any text are left alone.
 */
import { defineHastPlugin } from 'satteri';

export const rehypeTableCornerCells = defineHastPlugin({
  name: 'guardduty-guide:table-corner-cells',
  element: {
    filter: ['th'],
    visit(node, ctx) {
      if (ctx.textContent(node).trim() !== '') return undefined;
      // A tag name cannot be set as a property: the cell is replaced, its children kept.
      return { ...node, tagName: 'td' };
    },
  },
});
