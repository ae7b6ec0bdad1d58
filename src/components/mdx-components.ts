import Callout from './Callout.astro';
import SharedResponsibilityDiagram from './SharedResponsibilityDiagram.astro';

/** Components every page may use without importing them (passed to `<Content components>`). */
export const mdxComponents = { Callout, SharedResponsibilityDiagram };
