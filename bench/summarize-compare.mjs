// Summary of bench/compare.sh: per round, the base revision's and the working tree's instances/s, the pgbench rate
// after the round, and head ÷ base. Usage: node bench/summarize-compare.mjs runs.jsonl BASE
import { readFileSync } from 'node:fs';

const [file, base] = process.argv.slice(2);
const runs = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
const engine = runs.filter((r) => r.engine === 'brands');
const pgbench = new Map(runs.filter((r) => r.engine === 'pgbench').map((r) => [r.when, r.tps]));
const rounds = [...new Set(engine.map((r) => r.round))].sort((a, b) => a - b);
const rate = (side, round) => engine.find((r) => r.side === side && r.round === round)?.instancesPerSecond;
const mean = (values) => values.reduce((sum, v) => sum + v, 0) / values.length;

console.log(`| round | ${base} inst/s | working tree inst/s | head / base | pgbench tps (before / after) | base ratio | head ratio |`);
console.log('|-------|-------------|---------------------|-------------|------------------------------|------------|------------|');
const quotients = [];
for (const round of rounds) {
  const [b, h] = [rate('base', round), rate('head', round)];
  const tps = [pgbench.get(`round${round - 1}`), pgbench.get(`round${round}`)].filter((v) => v !== undefined);
  const half = mean(tps) / 2;
  if (b && h) quotients.push(h / b);
  console.log(`| ${round} | ${b ?? 'failed'} | ${h ?? 'failed'} | ${b && h ? (h / b).toFixed(3) : 'n/a'} | ${mean(tps).toFixed(1)} (${tps.map((v) => v.toFixed(0)).join(' / ')}) | ${b ? (b / half).toFixed(3) : 'n/a'} | ${h ? (h / half).toFixed(3) : 'n/a'} |`);
}
if (quotients.length > 0) {
  const all = ['base', 'head'].map((side) => mean(engine.filter((r) => r.side === side).map((r) => r.instancesPerSecond)));
  console.log(`mean: base ${all[0].toFixed(1)} inst/s, working tree ${all[1].toFixed(1)} inst/s; head / base per round ${quotients.map((q) => q.toFixed(3)).join(', ')} (mean ${mean(quotients).toFixed(3)})`);
}
