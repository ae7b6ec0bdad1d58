/**
 * The print pages of a built site, put together during the post-build pass (post-build.ts): each
 * shell waits until the pass has read every page it holds as a chapter, then the main thread
 * assembles it (lib/print.ts) and examines it like any page, while the workers read on.
 */
import { assemblePrintPage, chapterHrefsOf } from '../lib/print.ts';
import { examinePage, type HeldPage, type PageFindings, type PassSite } from './page-pass.ts';

export class PrintPages {
  /** Each guide page's content as built, by address (UTF-8, from `PageFindings.printable`). */
  readonly #chapters = new Map<string, Uint8Array>();
  readonly #waiting: Array<HeldPage & { hrefs: string[] }> = [];
  readonly #done = new Map<string, PageFindings>();
  readonly #decoder = new TextDecoder();
  readonly #site: PassSite;

  constructor(site: PassSite) {
    this.#site = site;
  }

  /** Keeps a page's printable content for the print pages that hold it. */
  keepChapter(page: PageFindings): void {
    if (page.printable) this.#chapters.set(page.links.urlPath, page.printable);
  }

  /** A shell to put together once its chapters are in. */
  hold(shell: HeldPage): void {
    this.#waiting.push({ ...shell, hrefs: chapterHrefsOf(shell.shell) });
  }

  /**
   * Assembles and examines the print pages whose chapters are all in; with `all`, every one left
   * (one with a chapter that never came fails with the page and the fix).
   */
  async assembleReady(all = false): Promise<void> {
    for (let i = 0; i < this.#waiting.length;) {
      const held = this.#waiting[i] as HeldPage & { hrefs: string[] };
      if (!all && !held.hrefs.every((href) => this.#chapters.has(href))) {
        i++;
        continue;
      }
      this.#waiting.splice(i, 1);
      const chapter = (href: string) => {
        const bytes = this.#chapters.get(href);
        return bytes && this.#decoder.decode(bytes);
      };
      const html = assemblePrintPage(held.file, held.shell, chapter);
      this.#done.set(held.file, await examinePage(this.#site, held.file, html));
    }
  }

  /** The print pages examined so far, in file order. */
  finished(): PageFindings[] {
    return [...this.#done.keys()].sort().map((file) => this.#done.get(file) as PageFindings);
  }
}
