import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from './lib/schema.ts';
import { siteConfig } from './site.ts';

/** Every page of the guide: one `.mdx` file in `content/`, its file name the slug. */
const docs = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `./${siteConfig.contentDir}` }),
  schema: docsSchema,
});

export const collections = { docs };
