/** `pagefind.js` with the runtime key, so a new Pagefind release is never served from an old cache. */
export function pagefindModuleUrl(bundleUrl: string, runtimeKey: string): string {
  return `${bundleUrl}pagefind.js${runtimeKey ? `?v=${encodeURIComponent(runtimeKey)}` : ''}`;
}
