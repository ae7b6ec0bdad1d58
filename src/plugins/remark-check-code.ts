/**
 * Fails the build when a page's examples would mislead a reader who copies them, and proves each
 * IAM policy example by simulation:
 *
 * - a ```json block that does not parse;
 * - an IAM policy without `policy="id" kind="..."`, or one that names an action that does not
 *   exist (or spells it differently from AWS), scopes an action to an ARN it cannot take, or reads
 *   a condition key the request never carries (lib/iam/policy-check.ts);
 * - a ```scenarios block that is malformed, names no policy or an unknown one, or whose scenario
 *   IAM decides differently from what it expects: every scenario runs through
 *   `@cloud-copilot/iam-simulate` (lib/iam/page.ts); a policy without an allowed and a denied
 *   scenario.
 *
 * Every problem is reported as `content/page.mdx:line:column` with the fix. When the page is
 * right, each ```scenarios block is replaced by its table (lib/iam/scenario-table.ts):
 * `<table><caption>Scenarios for <code>id</code>, checked by simulation at build time…`.
 */
import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { ElementContent, Properties } from 'hast';
import type { Code, Data, Node } from 'mdast';
import { defineMdastPlugin, type MdastPluginEntry } from 'satteri';
import { createCatalogLoader, type CatalogLoader } from '../lib/iam/load-catalog.ts';
import { judgeRun, planPage, readPageCode, type CodeBlock } from '../lib/iam/page.ts';
import { scenarioTableHast } from '../lib/iam/scenario-table.ts';
import { simulate, validatePolicy } from '../lib/iam/simulate.ts';
import { forContentFiles, failWith, type SourceProblem } from '../lib/source-problems.ts';
import { siteConfig } from '../site.ts';

/** A scenarios block once checked: a table, which satteri builds from `data` (hName, hChildren). */
interface ScenarioTable extends Node {
  type: 'scenarioTable';
  data: Data & { hName: 'table'; hProperties: Properties; hChildren: ElementContent[] };
}

declare module 'mdast' {
  interface RootContentMap {
    scenarioTable: ScenarioTable;
  }
}

/** State shared by every page of one build: the IAM data read so far and the time spent. */
export interface PolicyCheckSession {
  loader: CatalogLoader;
  /**
   * Scenarios simulated, and the CPU milliseconds spent while they ran. An upper bound: pages
   * compile concurrently, and while a simulation awaits, other pages' work may run on the thread.
   */
  simulated: { scenarios: number; milliseconds: number };
  /** Policies checked, and the CPU milliseconds the checks took (IAM data loading excluded). */
  checked: { policies: number; milliseconds: number };
  /**
   * Simulations run one page at a time, so two pages' timers never overlap and count the same
   * time twice.
   */
  queue: Promise<void>;
}

/** A new session: create one per build (astro.config.ts does), never one per process. */
export function createPolicyCheckSession(): PolicyCheckSession {
  return {
    loader: createCatalogLoader(),
    simulated: { scenarios: 0, milliseconds: 0 },
    checked: { policies: 0, milliseconds: 0 },
    queue: Promise.resolve(),
  };
}

/** Logs the session's totals when the build is done: "Simulated N policy scenarios in X ms". */
export function policySimulationReport(session: PolicyCheckSession): AstroIntegration {
  return {
    name: 'policy-simulation-report',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const { simulated, checked } = session;
        logger.info(
          `Simulated ${simulated.scenarios} policy scenarios in ` +
            `${Math.round(simulated.milliseconds)} ms ` +
            `(checked ${checked.policies} policies in ${Math.round(checked.milliseconds)} ms, ` +
            `with the IAM data of ${session.loader.servicesRead()} services, each read once)`,
        );
      },
    },
  };
}

/**
 * CPU time of this thread: on a busy machine wall time stretches with other processes' work, and
 * process CPU time would count the bundler's native threads too.
 */
function cpuMilliseconds(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}

/** Runs `work` after every simulation queued before it, and adds its duration to the session. */
async function exclusively<T>(session: PolicyCheckSession, work: () => Promise<T>): Promise<T> {
  const previous = session.queue;
  const done = Promise.withResolvers<void>();
  session.queue = done.promise;
  await previous;
  const started = cpuMilliseconds();
  try {
    return await work();
  } finally {
    session.simulated.milliseconds += cpuMilliseconds() - started;
    done.resolve();
  }
}

interface Options {
  /** Absolute path of the content folder; defaults to `<cwd>/content`. */
  contentRoot?: string;
  /** The build's session; a fresh one when not given. */
  session?: PolicyCheckSession;
}

/**
 * Two plugins per document, none outside the content folder. The first only visits the code
 * blocks (satteri hands over those nodes, not the whole tree); the second's root hook proves the
 * page from them (async: IAM data, simulation) before its `code` visitor swaps each checked
 * scenarios block for its table.
 */
export function remarkCheckCode({
  contentRoot = resolve(siteConfig.contentDir),
  session = createPolicyCheckSession(),
}: Options = {}): MdastPluginEntry {
  return forContentFiles(contentRoot, (fromFile) => {
    /** The page's code blocks, in document order, with where each starts in the source. */
    const found: Array<{ block: CodeBlock; offset: number }> = [];
    let lines: readonly string[] | undefined;
    /** The tables to put in place of scenarios blocks, by where each block starts. */
    const tables = new Map<number, ScenarioTable>();
    const collect = defineMdastPlugin({
      name: 'guardduty-guide:collect-code',
      // Every problem names a line and column, and a table replaces the block at its offset.
      options: { position: true },
      code(node, ctx) {
        const offset = node.position?.start.offset;
        if (offset === undefined) return;
        lines ??= ctx.source.split('\n');
        found.push({ block: codeBlock(node, lines), offset });
      },
    });
    const check = defineMdastPlugin({
      name: 'guardduty-guide:check-code',
      options: { position: true },
      async before() {
        const code = readPageCode(found.map(({ block }) => block));
        const problems: SourceProblem[] = [];
        if (code.policies.size === 0 && code.scenarioBlocks.length === 0) {
          problems.push(...code.problems);
        } else {
          const catalog = await session.loader.load(code.services);
          const checking = cpuMilliseconds();
          const plan = planPage(code, catalog, validatePolicy);
          session.checked.policies += code.policies.size;
          session.checked.milliseconds += cpuMilliseconds() - checking;
          problems.push(...plan.problems);
          const responses = await exclusively(session, () =>
            Promise.all(plan.runs.map((run) => simulate(run.simulation))),
          );
          session.simulated.scenarios += plan.runs.length;
          plan.runs.forEach((run, i) => {
            const response = responses[i];
            if (response) problems.push(...judgeRun(run, response).problems);
          });
        }
        failWith(`${siteConfig.contentDir}/${fromFile}`, problems, 'remark-check-code');
        for (const { index, block } of code.scenarioBlocks) {
          const offset = found[index]?.offset;
          if (offset === undefined) continue;
          const { properties, children } = scenarioTableHast(block);
          tables.set(offset, {
            type: 'scenarioTable',
            data: { hName: 'table', hProperties: properties, hChildren: children },
          });
        }
      },
      code(node, ctx) {
        if (tables.size === 0) return;
        const offset = node.position?.start.offset;
        const table = offset === undefined ? undefined : tables.get(offset);
        if (table) ctx.replaceNode(node, table);
      },
    });
    return [collect, check];
  });
}

/** A code node as lib/iam/page.ts reads it, with where its meta starts on the fence line. */
function codeBlock(node: Readonly<Code>, lines: readonly string[]): CodeBlock {
  const fence = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
  const fenceLine = lines[fence.line - 1] ?? '';
  const metaOffset = node.meta ? fenceLine.indexOf(node.meta, fence.column - 1) : -1;
  return {
    lang: node.lang ?? undefined,
    meta: node.meta ?? undefined,
    value: node.value,
    fence,
    metaAt: { line: fence.line, column: metaOffset >= 0 ? metaOffset + 1 : fence.column },
  };
}
