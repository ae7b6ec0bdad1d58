/** The kinds of `<Callout>` a writer can use, and the label each is announced and printed with. */
export const CALLOUT_LABELS = { note: 'Note', tip: 'Tip', warning: 'Warning' } as const;

/** A callout's `type`. */
export type CalloutType = keyof typeof CALLOUT_LABELS;

/** True for a `type` that `<Callout>` knows. */
export function isCalloutType(type: string): type is CalloutType {
  return Object.hasOwn(CALLOUT_LABELS, type);
}

/** The label of a callout type (`warning` is "Warning"), or undefined for a type that does not exist. */
export function calloutLabel(type: string): string | undefined {
  return isCalloutType(type) ? CALLOUT_LABELS[type] : undefined;
}
