import { z } from 'astro/zod';
import { CHANGE_KINDS, isoDay } from './document-history.ts';

const changeDateError =
  'give each entry in `changes` a `date:` as YYYY-MM-DD (e.g. date: 2026-12-01)';

/**
 * Frontmatter of a page in `content/`. Each field's description is also the hint printed when a
 * page gets it wrong, so a writer sees the file, the field and what to put there.
 */
export const docsSchema = z
  .object({
    title: z
      .string({
        error: 'add `title:`, the page heading (e.g. "Data protection in Amazon GuardDuty")',
      })
      .trim()
      .min(3, 'write a `title` of at least 3 characters')
      .describe('The page heading, shown as the h1 and in <title>.'),
    description: z
      .string({
        error:
          'add `description:`, one or two sentences (50-200 characters) used for meta tags and search',
      })
      .trim()
      .min(
        50,
        'make `description` at least 50 characters: it is the summary search engines and link previews show',
      )
      .max(
        200,
        'keep `description` under 200 characters: longer summaries are cut off in search results',
      )
      .describe('Summary for meta description, Open Graph and search results.'),
    sidebar: z
      .object(
        {
          order: z
            .number({
              error:
                'set `sidebar.order:` to a whole number, the position in the navigation (the overview is 0)',
            })
            .int('`sidebar.order` must be a whole number'),
          label: z
            .string()
            .trim()
            .min(1)
            .optional()
            .describe('Short navigation label; defaults to the title.'),
        },
        { error: 'add a `sidebar:` block with `order:` (a whole number) and optionally `label:`' },
      )
      .describe('Where and how the page appears in the navigation.'),
    lastReviewed: z.coerce
      .date({
        error: 'set `lastReviewed:` to the date a person last checked the facts, as YYYY-MM-DD',
      })
      .describe('The date a person last checked the page against its sources.'),
    changes: z
      .array(
        z.object(
          {
            date: z
              .union([z.date(), z.iso.date({ error: changeDateError })], {
                error: changeDateError,
              })
              .transform((day) => (typeof day === 'string' ? new Date(`${day}T00:00:00Z`) : day))
              .refine(
                (day) => day.getTime() % 86_400_000 === 0,
                'write the `date:` of a change as a day, YYYY-MM-DD, without a time',
              ),
            kind: z.enum(CHANGE_KINDS, {
              error:
                "set each change's `kind:` to correction (something was wrong), addition (new content) or update (changed to follow AWS)",
            }),
            summary: z
              .string({
                error:
                  'give each change a `summary:` in quotes, one sentence a reader understands, e.g. summary: "Corrected the KMS key policy."',
              })
              .trim()
              .min(10, 'write a `summary` of at least 10 characters that says what changed')
              .max(300, "keep a change's `summary` to one sentence, under 300 characters"),
          },
          {
            error:
              'write each entry in `changes` as - { date: YYYY-MM-DD, kind: correction, summary: "What changed." }',
          },
        ),
        {
          error:
            'add `changes:`, the page\'s document history, newest first, e.g. - { date: 2026-12-01, kind: addition, summary: "First published." }',
        },
      )
      .min(1, 'list at least one entry under `changes` (a new page starts with its addition)')
      .superRefine((changes, ctx) => {
        for (const [at, change] of changes.entries()) {
          const newer = changes[at - 1];
          if (newer && change.date > newer.date)
            ctx.addIssue({
              code: 'custom',
              path: [at, 'date'],
              message: `list \`changes\` newest first: entry ${at + 1} (${isoDay(change.date)}) is newer than entry ${at} (${isoDay(newer.date)})`,
            });
        }
      })
      .describe(
        "The page's document history, newest first: each change's day, kind and one-line summary.",
      ),
    sources: z
      .array(
        z.object({
          title: z.string({ error: 'give each entry in `sources` a `title:`' }).trim().min(3),
          url: z
            .url({
              error: 'give each entry in `sources` a `url:` that is a full https:// address',
              protocol: /^https$/,
            })
            .describe('An official reference, https only.'),
        }),
        { error: 'add `sources:`, a list of official references with `title:` and `url:`' },
      )
      .min(1, 'list at least one official reference under `sources`')
      .describe('Official references the facts on the page come from.'),
    aliases: z
      .array(
        z
          .string({ error: 'write each entry in `aliases` as text, e.g. `SLR`' })
          .trim()
          .min(2, 'make each entry in `aliases` at least 2 characters')
          .max(80, 'keep each entry in `aliases` under 80 characters: a term, not a sentence')
          .refine(
            (alias) => !alias.includes('·'),
            'leave `·` out of `aliases` (it separates them)',
          ),
        { error: 'write `aliases:` as a list, e.g. `aliases: [SLR, service linked role]`' },
      )
      .default([])
      .describe(
        'Optional. Words a reader may search for that the page itself may not use: acronyms (SLR, ' +
          'SCP, DR), synonyms and AWS’s own terms (disaster recovery, PrivateLink). Search indexes ' +
          'them with extra weight, so such a query puts this page first; they are shown nowhere.',
      ),
  })
  // A recorded change means a person worked on the page, so the review date cannot be older.
  .superRefine(({ changes, lastReviewed }, ctx) => {
    const newest = changes[0];
    if (newest && newest.date > lastReviewed)
      ctx.addIssue({
        code: 'custom',
        path: ['changes', 0, 'date'],
        message: `the newest change (${isoDay(newest.date)}) is after \`lastReviewed\` (${isoDay(lastReviewed)}): set \`lastReviewed:\` to the day you checked the page against its sources, or correct the change's date`,
      });
  });

/** Frontmatter after validation. */
export type DocsFrontmatter = z.infer<typeof docsSchema>;
