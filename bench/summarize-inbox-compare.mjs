// Summary of bench/inbox-compare.sh: per path and timed round, the base revision's and the working tree's p50 and p95
// (ms) and working tree ÷ base. Usage: node bench/summarize-inbox-compare.mjs runs.jsonl BASE
import { readFileSync } from 'node:fs';

const [file, base] = process.argv.slice(2);
const runs = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)).filter((r) => r.round > 0);
const paths = [...new Set(runs.flatMap((r) => r.results.map((x) => x.path)))];
const rounds = [...new Set(runs.map((r) => r.round))].sort((a, b) => a - b);
const latency = (side, round, path) => runs.find((r) => r.side === side && r.round === round)?.results.find((x) => x.path === path)?.latency;
const ratio = (h, b) => (h && b ? (h / b).toFixed(2) : 'n/a');

console.log(`| path | round | ${base} p50 / p95 ms | working tree p50 / p95 ms | p50 ratio | p95 ratio | load after each side (1 min) |`);
console.log('|---|---|---|---|---|---|---|');
for (const path of paths) {
  for (const round of rounds) {
    const [b, h] = [latency('base', round, path), latency('head', round, path)];
    const load = ['base', 'head'].map((side) => runs.find((r) => r.side === side && r.round === round)?.load.split(',')[0] ?? '?');
    console.log(`| \`${decodeURI(path)}\` | ${round} | ${b ? `${b.p50Ms} / ${b.p95Ms}` : 'failed'} | ${h ? `${h.p50Ms} / ${h.p95Ms}` : 'failed'} | ${ratio(h?.p50Ms, b?.p50Ms)} | ${ratio(h?.p95Ms, b?.p95Ms)} | ${load.join(' / ')} |`);
  }
}
