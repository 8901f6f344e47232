/**
 * The README is tested: every ```ts block not marked no-run is a complete simulation file
 * that type-checks and runs through the real CLI; the set-up commands, the Quick Start, the
 * CLI reference and the faker table match the product. Needs dist/ (npm test builds it).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_FAKER_NAMES } from '../../src/fakers/index.js';
import { parseJsonLines, REPO, requireBuild, runCli } from '../examples/run-cli.js';

const README = readFileSync(join(REPO, 'README.md'), 'utf8');
/** Inside the repository, so `import ... from 'deep-faker'` resolves to this package. */
const TMP = join(REPO, 'test', 'readme', '.tmp');

interface CodeBlock {
  lang: string;
  flags: string[];
  code: string;
  line: number;
}

function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const fence = /^```(\S*)[ \t]*([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm;
  for (const m of markdown.matchAll(fence)) {
    blocks.push({
      lang: m[1]!,
      flags: m[2]!.split(/\s+/).filter(Boolean),
      code: m[3]!,
      line: markdown.slice(0, m.index).split('\n').length,
    });
  }
  return blocks;
}

const blocks = codeBlocks(README);
const runnable = blocks.filter((b) => b.lang === 'ts' && !b.flags.includes('no-run'));

describe('README code blocks', () => {
  beforeAll(() => {
    requireBuild();
    rmSync(TMP, { recursive: true, force: true });
    mkdirSync(TMP, { recursive: true });
    for (const block of runnable) writeFileSync(join(TMP, `block-line-${block.line}.ts`), block.code);
  });

  afterAll(() => {
    rmSync(TMP, { recursive: true, force: true });
  });

  it('mark TypeScript as ts, and fragments as ts no-run', () => {
    expect(blocks.filter((b) => /^(typescript|tsx|js|javascript)$/.test(b.lang)).map((b) => b.line)).toEqual([]);
    expect(runnable.length).toBeGreaterThanOrEqual(3);
    for (const block of runnable) {
      expect(block.code, `block at line ${block.line} exports no simulation`).toMatch(/^export default sim;$/m);
    }
  });

  it.each(runnable.map((b) => b.line))('block at line %i runs through the CLI and emits events', async (line) => {
    const out = join(TMP, `block-line-${line}.jsonl`);
    const result = await runCli(['run', join(TMP, `block-line-${line}.ts`), '--duration', '1m', '--seed', '1', '--start', '2025-01-01T00:00:00Z', '--out', out]);
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    const events = parseJsonLines(readFileSync(out, 'utf8'));
    expect(events.length).toBeGreaterThan(0);
    expect(result.stderr).toMatch(/deep-faker: [\d,]+ events in /);
  });

  it('type-check under strict TypeScript', () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const files = runnable.map((b) => join(TMP, `block-line-${b.line}.ts`));
    const result = spawnSync(process.execPath, [
      tsc, '--noEmit', '--strict', '--target', 'ES2022', '--lib', 'ES2023', '--module', 'NodeNext',
      '--moduleResolution', 'NodeNext', '--skipLibCheck', '--types', 'node', ...files,
    ], { cwd: REPO, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('README content', () => {
  it('gives the two set-up commands', () => {
    const shell = blocks.filter((b) => b.lang === 'sh').map((b) => b.code.trim());
    expect(shell).toContain('npm install && npx deep-faker run examples/quickstart.ts --seed 42 --start 2025-01-01T00:00:00Z --out -');
    expect(shell).toContain('npm test');
  });

  it('shows examples/quickstart.ts as the Quick Start', () => {
    const quickstart = readFileSync(join(REPO, 'examples', 'quickstart.ts'), 'utf8');
    expect(runnable[0]!.code.trim()).toBe(quickstart.trim());
  });

  it('copies the CLI help verbatim', () => {
    const help = spawnSync(process.execPath, [join(REPO, 'bin', 'deep-faker.js'), '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    const text = blocks.filter((b) => b.lang === 'text').map((b) => b.code.trim());
    expect(text).toContain(help.stdout.trim());
  });

  it('lists every built-in faker name', () => {
    const missing = FAST_FAKER_NAMES.filter((name) => !README.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });

  it('keeps the guide\'s vocabulary and covers every option', () => {
    const words = [
      'defineEvent', 'defineEntity', 'Field', 'StateField', 'Simulation', 'NewEvent', 'AddDecay', 'Select', 'SetState',
      'FlowContext', 'StdOutOutput', 'FileOutput', 'KafkaOutput', 'MySQLOutput', 'PostgresOutput',
      'initiationWeight', 'filter', 'saveEntity', 'mutate', 'fromField', 'sourceEvent', 'primaryKey', 'flow_name',
      "'is'", "'is_not'", "'greater_than'", "'less_than'", "'add'", "'subtract'",
      'ctx.getEntity', 'ctx.sessionId', 'ctx.clock', 'ctx.now', 'ctx.faker', 'ctx.random()', 'ctx.lastEvent', 'yield*',
      'sim.query', 'sim.history', 'sys__eid', 'sys__ets', 'sys__sid', 'event_type', 'initial_setup',
      'uuid4', 'shortuuid', 'random_element', 'random_int', 'pyfloat', 'date_time', 'lexify', 'now',
    ];
    expect(words.filter((w) => !README.includes(w))).toEqual([]);
    const options = [
      'duration', 'startTime', 'timeStep', 'nFlows', 'randomSeed', 'initialEntities', 'emitInitialEntities',
      'strict', 'drain', 'locale', 'history', 'batchSize', 'events',
    ];
    expect(options.filter((o) => !README.includes(`| \`${o}\` |`))).toEqual([]);
    for (const heading of ['Kafka', 'MySQL', 'PostgreSQL', 'Live mode', 'Scaling out']) {
      expect(README).toMatch(new RegExp(`^### ${heading}$`, 'm'));
    }
  });
});
