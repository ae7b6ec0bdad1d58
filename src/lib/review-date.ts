/** Dates as pages show them, the same on every build machine. */

/** A date as a page shows it. */
export interface ReviewDate {
  /** ISO date (YYYY-MM-DD) for the `datetime` attribute. */
  iso: string;
  /** Human-readable date, e.g. "28 November 2026" (fixed locale and time zone for identical rebuilds). */
  text: string;
}

// Made once: creating an Intl.DateTimeFormat costs more than formatting with it, and this runs for every page.
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Formats a date in UTC so the output does not depend on the build machine's time zone. */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** The one way a review date is written: ISO for machines, words for readers, both in UTC. */
export function reviewDate(date: Date): ReviewDate {
  return { iso: date.toISOString().slice(0, 10), text: formatDate(date) };
}
