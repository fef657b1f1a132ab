/**
 * Runs every tests/bench/*.bench.ts (or those whose names contain one of the words given, as in
 * `npm run bench -- data popup`) and prints one table of figures; with --json the last line is
 * a single JSON object of name -> value, for tools to read.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Benchmark, Figure } from '../tests/bench/figures';

const benchDir = resolve(import.meta.dirname, '../tests/bench');
const words = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => words.length === 0 || words.some((word) => name.includes(word)))
  .sort();

const figures: Figure[] = [];
for (const file of files) {
  const { default: benchmark } = (await import(pathToFileURL(join(benchDir, file)).href)) as {
    default: Benchmark;
  };
  console.error(`running ${benchmark.title}…`);
  figures.push(...(await benchmark.run()));
}

function verdict(figure: Figure): string {
  if (figure.target === undefined) return '';
  return figure.value <= figure.target ? `ok (≤ ${figure.target})` : `OVER (≤ ${figure.target})`;
}

const rows = [
  ['figure', 'value', 'unit', 'target'],
  ...figures.map((figure) => [
    figure.name,
    String(Number(figure.value.toPrecision(4))),
    figure.unit,
    verdict(figure),
  ]),
];
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
for (const row of rows) {
  console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
}
if (figures.length === 0) console.log('(no benchmarks yet)');

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(Object.fromEntries(figures.map((f) => [f.name, f.value]))));
}
