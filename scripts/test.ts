/**
 * `npm test`: every stage of the suite, the independent ones side by side, and a report of
 * every stage that failed rather than only the first. Each stage is an npm script; its output is
 * printed whole when it ends, so two stages never interleave their lines.
 *
 *   types, lint, imports, format ──────────────┐
 *   unit ──────────────────────────────────────┤
 *   build:chrome ─┬─ e2e ──────────────────────┤
 *                 ┆                            ├── report
 *                 └┄ build:firefox ─┬─ firefox ─┤
 *                                   └─ lint:firefox
 *
 * The two builds run one after the other (┄, whatever the first one's result), the Chromium one
 * first: the Chromium suite, the longest stage, starts as soon as its build is there. All else
 * runs side by side: on a two-core machine the suite is bound by CPU, and a stage left to run
 * alone at the end would leave a core idle. `--only a,b` runs just those stages (with what they
 * need).
 *
 * Hand-written because no runner fits: concurrently and npm-run-all2 run lists, not a graph;
 * wireit runs a graph but only on dependencies that pass (build:firefox follows build:chrome
 * whatever its result) and takes over package.json's scripts; listr2 would still need this graph.
 */
import { spawn } from 'node:child_process';

interface Stage {
  name: string;
  script: string;
  /** Stages that must pass first. */
  after: string[];
  /** Stages that must end first, passed or not: only so that two browsers do not run at once. */
  following?: string[];
}

const STAGES: Stage[] = [
  { name: 'types', script: 'check:types', after: [] },
  { name: 'lint', script: 'check:lint', after: [] },
  { name: 'imports', script: 'check:imports', after: [] },
  { name: 'format', script: 'check:format', after: [] },
  { name: 'unit', script: 'test:unit:run', after: [] },
  { name: 'build:chrome', script: 'build:test:chrome', after: [] },
  { name: 'build:firefox', script: 'build:test:firefox', after: [], following: ['build:chrome'] },
  { name: 'e2e', script: 'test:e2e', after: ['build:chrome'] },
  { name: 'firefox', script: 'test:firefox', after: ['build:firefox'] },
  { name: 'lint:firefox', script: 'lint:firefox', after: ['build:firefox'] },
];

type Outcome = {
  status: 'passed' | 'failed' | 'skipped';
  seconds: number;
  detail?: string;
  output?: string;
};

/** What a log's tail should show of a failed stage: vitest's failures, or the stage's end. */
function failureExcerpt(output: string, maxLines = 150): string {
  // eslint-disable-next-line no-control-regex
  const lines = output.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const failures = lines.findIndex((line) => /⎯+ Failed Tests? \d+/.test(line));
  const from = failures >= 0 ? failures : Math.max(0, lines.length - 60);
  const excerpt = lines.slice(from, from + maxLines);
  if (from + maxLines < lines.length)
    excerpt.push(`… (${lines.length - from - maxLines} more lines in its output above)`);
  return excerpt.join('\n').trimEnd();
}

function runScript(script: string): Promise<{ code: number; output: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn('npm', ['run', '--silent', script], {
      // Colours unless asked for none (NO_COLOR, as CI logs do).
      env: process.env.NO_COLOR
        ? process.env
        : { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('close', (code) =>
      resolvePromise({ code: code ?? 1, output: Buffer.concat(chunks).toString() }),
    );
  });
}

function selectedStages(): Stage[] {
  const index = process.argv.indexOf('--only');
  if (index < 0) return STAGES;
  const wanted = new Set<string>();
  // A stage brings the stages it waits for.
  const want = (name: string): void => {
    const stage = STAGES.find((candidate) => candidate.name === name);
    if (!stage) throw new Error(`Unknown stage: ${name}`);
    wanted.add(name);
    stage.after.forEach(want);
  };
  process.argv[index + 1]?.split(',').forEach(want);
  return STAGES.filter((stage) => wanted.has(stage.name));
}

const stages = selectedStages();
const outcomes = new Map<string, Promise<Outcome>>();

function run(stage: Stage): Promise<Outcome> {
  const existing = outcomes.get(stage.name);
  if (existing) return existing;
  const outcome = (async (): Promise<Outcome> => {
    const before = await Promise.all(
      stage.after.map((name) => run(stages.find((other) => other.name === name)!)),
    );
    const blocked = stage.after.filter((_, index) => before[index]!.status !== 'passed');
    await Promise.all(
      (stage.following ?? [])
        .map((name) => stages.find((other) => other.name === name))
        .filter((other) => other !== undefined)
        .map(run),
    );
    if (blocked.length > 0) {
      return { status: 'skipped', seconds: 0, detail: `needs ${blocked.join(', ')}` };
    }
    const started = performance.now();
    console.log(`▶ ${stage.name}`);
    const { code, output } = await runScript(stage.script);
    const seconds = (performance.now() - started) / 1000;
    console.log(`\n━━━ ${stage.name} (${seconds.toFixed(0)} s) ━━━\n${output.trimEnd()}\n`);
    return { status: code === 0 ? 'passed' : 'failed', seconds, output };
  })();
  outcomes.set(stage.name, outcome);
  return outcome;
}

const started = performance.now();
const results = await Promise.all(stages.map(async (stage) => [stage, await run(stage)] as const));
// A failed stage's output may have scrolled far up a log that is read from its end.
for (const [stage, outcome] of results) {
  if (outcome.status !== 'failed') continue;
  console.log(`━━━ why ${stage.name} failed ━━━\n${failureExcerpt(outcome.output ?? '')}\n`);
}
console.log('━━━ summary ━━━');
for (const [stage, outcome] of results) {
  const time = outcome.status === 'skipped' ? outcome.detail : `${outcome.seconds.toFixed(0)} s`;
  console.log(`${outcome.status.padEnd(8)} ${stage.name.padEnd(14)} ${time}`);
}
const count = (status: Outcome['status']) =>
  results.filter(([, outcome]) => outcome.status === status).length;
console.log(`wall time ${((performance.now() - started) / 1000).toFixed(0)} s`);
console.log(`stages: ${count('passed')} passed, ${count('failed') + count('skipped')} failed`);
process.exitCode = count('passed') === results.length ? 0 : 1;
