// Reads the JSON lines of one bench/run.sh run and prints the table of figures and the targets.
//   node bench/summarize.mjs bench/results/latest/runs.jsonl
import { readFileSync } from 'node:fs';

const runs = readFileSync(process.argv[2], 'utf8')
  .split('\n')
  .filter((line) => line.trim().startsWith('{'))
  .map((line) => JSON.parse(line));

const find = (engine, mode, callers) =>
  runs.find((r) => r.engine === engine && (mode === undefined || r.mode === mode) && r.callers === callers);
const fmt = (x, digits = 1) => (x === undefined || x === null || Number.isNaN(x) ? 'n/a' : Number(x).toFixed(digits));
const pair = (r, p50, p99) => (r ? `${fmt(r[p50], 2)} / ${fmt(r[p99], 2)}` : 'n/a');
const ok = (r) => r && r.completed === r.instances;
// Untimed instances before the run, and what the JIT still compiled during it (near zero: steady state).
const warmup = (r) =>
  !r ? 'n/a' : r.warmupInstances === undefined ? fmt(r.warmup, 0) : `${r.warmupInstances} (JIT ${r.jitMethodsDuringRun} methods)`;
const table = (header, rows) => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  return [line(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(line)].join('\n');
};

const out = [];
const callersSeen = [...new Set(runs.filter((r) => r.engine === 'pgbench').map((r) => r.callers))];
const pgRows = callersSeen.map((c) => {
  const ours = find('brands', 'postgres', c);
  // pgbench ran before and after our engine: the mean of the two is the ceiling for this concurrency.
  const rates = runs.filter((r) => r.engine === 'pgbench' && r.callers === c && r.tps > 0).map((r) => r.tps);
  const pg = rates.length > 0 ? { tps: rates.reduce((a, b) => a + b, 0) / rates.length, each: rates } : undefined;
  const ratio = ours && pg ? ours.instancesPerSecond / (pg.tps / 2) : undefined;
  return [
    c,
    ours ? `${fmt(ours.instancesPerSecond)}${ok(ours) ? '' : ' FAILED'}` : 'n/a',
    pg ? `${fmt(pg.tps)} (${pg.each.map((t) => fmt(t, 0)).join(' / ')})` : 'n/a',
    fmt(ratio, 3),
    pair(ours, 'startP50Ms', 'startP99Ms'),
    pair(ours, 'readTaskP50Ms', 'readTaskP99Ms'),
    pair(ours, 'completeP50Ms', 'completeP99Ms'),
    ours ? fmt(ours.peakWorkingSetMb) : 'n/a',
    ours ? fmt(ours.gcAllocatedKbPerInstance) : 'n/a',
    warmup(ours),
  ];
});
out.push('PostgreSQL (durable commits): our engine vs the commit ceiling');
out.push(
  table(
    ['callers', 'ours inst/s', 'pgbench tps (before / after)', 'ratio', 'start p50/p99 ms', 'read task p50/p99 ms', 'complete p50/p99 ms', 'peak WS MB', 'alloc KB/inst', 'warm-up inst'],
    pgRows
  )
);
out.push('ratio = ours / (mean pgbench tps / 2): an instance needs at least two commits (start, complete).');
const withBreakdown = callersSeen.map((c) => find('brands', 'postgres', c)).filter((r) => r && r.breakdown);
if (withBreakdown.length > 0) {
  const names = [...new Set(withBreakdown.flatMap((r) => Object.keys(r.breakdown.store)))];
  out.push('');
  out.push('Where a PostgreSQL instance spends its time (wall ms per instance, summed over its commands; CPU of our process)');
  out.push(
    table(
      ['callers', 'CPU ms/inst', ...names.map((n) => `${n.replace(/Async$/, '')} ms (calls)`), 'outside store ms'],
      withBreakdown.map((r) => [
        r.callers,
        fmt(r.cpuMsPerInstance, 2),
        ...names.map((n) => (r.breakdown.store[n] ? `${fmt(r.breakdown.store[n].msPerInstance, 2)} (${r.breakdown.store[n].callsPerInstance})` : '-')),
        fmt(r.breakdown.outsideStoreMsPerInstance, 2),
      ])
    )
  );
}

const memCallers = [...new Set(runs.filter((r) => r.mode === 'memory' || r.engine === 'bpmn-engine').map((r) => r.callers))].sort((a, b) => a - b);
const memRows = [];
for (const c of memCallers) {
  const ours = find('brands', 'memory', c);
  const peer = find('bpmn-engine', undefined, c);
  if (ours) {
    memRows.push([`brands (InMemoryWorkflowStore)`, c, `${fmt(ours.instancesPerSecond)}${ok(ours) ? '' : ' FAILED'}`,
      pair(ours, 'startP50Ms', 'startP99Ms'), pair(ours, 'completeP50Ms', 'completeP99Ms'),
      `${fmt(ours.peakWorkingSetMb)} (working set)`, fmt(ours.gcAllocatedKbPerInstance), fmt(ours.cpuMsPerInstance, 3), warmup(ours)]);
  }
  if (peer) {
    memRows.push([`bpmn-engine ${peer.version} (${peer.node})`, c, `${fmt(peer.instancesPerSecond)}${ok(peer) ? '' : ' FAILED'}`,
      pair(peer, 'startP50Ms', 'startP99Ms'), pair(peer, 'completeP50Ms', 'completeP99Ms'),
      `${fmt(peer.peakRssMb)} (RSS)`, 'n/a', peer.cpuMsPerInstance === undefined ? 'n/a' : fmt(peer.cpuMsPerInstance, 3), warmup(peer)]);
  }
}
out.push('');
out.push('In memory, same BPMN file');
out.push(table(['engine', 'callers', 'inst/s', 'start p50/p99 ms', 'complete p50/p99 ms', 'peak memory MB', 'alloc KB/inst', 'CPU ms/inst', 'warm-up inst'], memRows));

const best = (engine, mode) => Math.max(0, ...runs.filter((r) => r.engine === engine && (mode === undefined || r.mode === mode) && ok(r)).map((r) => r.instancesPerSecond));
const memRatios = memCallers
  .map((c) => [c, find('brands', 'memory', c), find('bpmn-engine', undefined, c)])
  .filter(([, a, b]) => a && b && b.instancesPerSecond > 0)
  .map(([c, a, b]) => `${fmt(a.instancesPerSecond / b.instancesPerSecond)}x at ${c} callers`);
const bestRatio = best('bpmn-engine') > 0 ? best('brands', 'memory') / best('bpmn-engine') : undefined;
out.push(`ours / bpmn-engine: ${memRatios.join(', ') || 'n/a'}; best vs best ${fmt(bestRatio)}x`);

out.push('');
out.push('Targets');
const at16 = pgRows.find((row) => row[0] === 16);
const ratio16 = at16 ? Number(at16[3]) : Number.NaN;
out.push(`  PostgreSQL ratio at 16 callers >= 0.15: ${Number.isNaN(ratio16) ? 'not measured' : `${fmt(ratio16, 3)} ${ratio16 >= 0.15 ? 'MET' : 'MISSED'}`}`);
out.push(`  in memory >= 20x bpmn-engine (best vs best): ${bestRatio === undefined ? 'not measured' : `${fmt(bestRatio)}x ${bestRatio >= 20 ? 'MET' : 'MISSED'}`}`);
console.log(out.join('\n'));
