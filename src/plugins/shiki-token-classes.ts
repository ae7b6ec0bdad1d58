/**
 * A Shiki transformer that turns every `style="..."` Shiki and Astro put on a code block into a
 * class, so highlighted code survives a Content-Security-Policy without `'unsafe-inline'` in
 * `style-src` (see "Syntax highlighting under a CSP" in STYLE.md). It expects Astro's
 * `css-variables` theme, whose colours are `var(--astro-code-token-*)`: a token styled
 * `color:var(--astro-code-token-keyword)` becomes `<span class="tok-keyword">`, and
 * src/styles/code.css colours those classes for the light and dark themes.
 *
 * Why not @shikijs/transformers' transformerStyleToClass: its class names are hashes whose CSS is
 * known only after every page is highlighted, and Astro bundles CSS without waiting for that. The
 * css-variables theme has a fixed, small set of styles, so the classes and their CSS are fixed too.
 * Any other style (a new theme, a new Shiki feature) fails the build rather than shipping inline CSS.
 */
import type { ShikiConfig } from 'astro';
import type { Element } from 'hast';

type ShikiTransformer = NonNullable<ShikiConfig['transformers']>[number];

/** Classes for the declarations Shiki's css-variables theme and Astro's own transformer emit. */
const declarationClasses: ReadonlyArray<[RegExp, (match: RegExpExecArray) => string | undefined]> =
  [
    // The block's own colours come from code.css; Astro also adds `overflow-x: auto` (prose.css has it).
    [/^(background-color|color):var\(--astro-code-(foreground|background)\)$/, () => undefined],
    [/^overflow-x:auto$/, () => undefined],
    [/^color:var\(--astro-code-token-([a-z-]+)\)$/, (m) => `tok-${m[1]}`],
    [/^font-style:italic$/, () => 'tok-italic'],
    [/^font-weight:bold$/, () => 'tok-bold'],
    [/^text-decoration:underline$/, () => 'tok-underline'],
    // Astro marks the +/- of diff lines as not selectable.
    [/^user-select:none$/, () => 'tok-no-select'],
  ];

/** Maps one `style` attribute to classes; throws on a declaration it does not know. */
export function styleToClasses(style: string): string[] {
  const classes: string[] = [];
  for (const raw of style.split(';')) {
    const declaration = raw.replace(/\s+/g, '');
    if (!declaration) continue;
    const rule = declarationClasses.find(([pattern]) => pattern.test(declaration));
    const match = rule?.[0].exec(declaration);
    if (!rule || !match) {
      throw new Error(
        `Shiki emitted the inline style "${declaration}", which a strict Content-Security-Policy blocks. ` +
          `Map it to a class in src/plugins/shiki-token-classes.ts and style that class in src/styles/code.css, ` +
          `or keep markdown.shikiConfig.theme set to 'css-variables' in astro.config.ts.`,
      );
    }
    const className = rule[1](match);
    if (className && !classes.includes(className)) classes.push(className);
  }
  return classes;
}

function moveStyleToClass(node: Element): void {
  const style = node.properties['style'];
  if (typeof style !== 'string') return;
  delete node.properties['style'];
  const classes = styleToClasses(style);
  if (classes.length === 0) return;
  const existing = node.properties['className'] ?? node.properties['class'];
  const current = Array.isArray(existing)
    ? existing.map(String)
    : typeof existing === 'string'
      ? existing.split(/\s+/)
      : [];
  node.properties['className'] = [...current.filter(Boolean), ...classes];
  delete node.properties['class'];
}

/** The transformer; runs after Astro's own, so it also sees the styles Astro adds to `<pre>`. */
export function shikiTokenClasses(): ShikiTransformer {
  return {
    name: 'guardduty-guide:shiki-token-classes',
    root(root) {
      const visit = (node: (typeof root.children)[number]): void => {
        if (node.type !== 'element') return;
        moveStyleToClass(node);
        node.children.forEach(visit);
      };
      root.children.forEach(visit);
    },
  };
}
