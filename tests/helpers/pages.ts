import type { DocPage } from '../../src/lib/types.ts';

/** A DocPage with sensible defaults, for unit tests. */
export function docPage(slug: string, order: number, overrides: Partial<DocPage> = {}): DocPage {
  return {
    slug,
    sourceFile: `${slug || 'index'}.mdx`,
    title: `Title of ${slug || 'home'}`,
    description: `Description of ${slug || 'home'}`,
    label: slug || 'Overview',
    order,
    lastReviewed: new Date('2026-11-28'),
    sources: [{ title: 'Source', url: 'https://docs.aws.amazon.com/guardduty/' }],
    changes: [
      { date: new Date('2026-11-28'), kind: 'addition', summary: `Published ${slug || 'home'}.` },
    ],
    aliases: [],
    ...overrides,
  };
}
