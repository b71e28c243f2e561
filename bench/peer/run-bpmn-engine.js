// Runs bench/Brands.Bench/approval.bpmn with bpmn-engine in memory, N instances with C in flight at once, and
// prints one JSON line (instances/s, p50/p99 per command, peak RSS) and one human line.
//
// bpmn-engine does not read Camunda's external service tasks, and its expressions are property paths, not
// JavaScript, so the file is rewritten on load (each rewrite is checked to have happened exactly once):
//   - the condition ${approved} becomes ${environment.variables.approved};
//   - the service task gains implementation="${environment.services.notify}", a no-op service function.
// Completing the user task sets the variable approved on the instance, then signals the task, as our engine's
// CompleteTaskAsync(taskId, {approved:true}) does. The file is parsed once; each instance is a new Engine on
// the parsed source context, as our engine caches a deployed definition.
import { readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import { Engine } from 'bpmn-engine';
import * as elements from 'bpmn-elements';
import BpmnModdle from 'bpmn-moddle';
import Serializer, { TypeResolver } from 'moddle-context-serializer';

const { values: args } = parseArgs({
  options: {
    instances: { type: 'string', default: '10000' },
    callers: { type: 'string', default: '1' },
    warmup: { type: 'string', default: '200' },
    bpmn: { type: 'string', default: fileURLToPath(new URL('../Brands.Bench/approval.bpmn', import.meta.url)) },
  },
});
const instances = Number.parseInt(args.instances, 10);
const callers = Number.parseInt(args.callers, 10);
const warmup = Math.max(0, Number.parseInt(args.warmup, 10) || 0);
if (!(instances > 0) || !(callers > 0)) {
  throw new Error('--instances and --callers must be positive integers');
}

function rewriteOnce(xml, from, to) {
  const parts = xml.split(from);
  if (parts.length !== 2) {
    throw new Error(`expected exactly one '${from}' in the BPMN file, found ${parts.length - 1}`);
  }
  return parts.join(to);
}

let xml = readFileSync(args.bpmn, 'utf8');
xml = rewriteOnce(xml, '${approved}', '${environment.variables.approved}');
xml = rewriteOnce(xml, 'camunda:topic="bench-notify"', 'camunda:topic="bench-notify" implementation="${environment.services.notify}"');

const moddleContext = await new BpmnModdle().fromXML(xml);
const sourceContext = Serializer(moddleContext, TypeResolver(elements));

const silent = () => ({ debug() {}, error: console.error, warn() {} });
let notified = 0;
const services = {
  notify(scope, callback) {
    notified++;
    callback(null);
  },
};

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const startLatencies = new Float64Array(instances);
const completeLatencies = new Float64Array(instances);
let completed = 0;
let approvedEnds = 0;

async function runInstance(i) {
  const listener = new EventEmitter();
  const waiting = new Promise((resolve) => listener.once('activity.wait', resolve));
  const engine = new Engine({ name: `bench-${i}`, sourceContext, Logger: silent });

  let t0 = performance.now();
  const execution = await engine.execute({ listener, services, variables: { businessKey: `BENCH-${i}` } });
  const task = await waiting;
  startLatencies[i] = performance.now() - t0;
  if (task.id !== 'review') {
    throw new Error(`instance ${i} waits in ${task.id}, not in review`);
  }

  t0 = performance.now();
  const ended = engine.waitFor('end');
  task.environment.variables.approved = true;
  execution.signal({ id: 'review', approved: true });
  await ended;
  completeLatencies[i] = performance.now() - t0;

  completed++;
  if (execution.getActivityById('approvedEnd').counters.taken === 1) {
    approvedEnds++;
  }
}

async function runAll(count) {
  let next = 0;
  async function caller() {
    while (next < count) {
      const i = next++;
      await runInstance(i);
    }
  }
  await Promise.all(Array.from({ length: callers }, caller));
}

// Untimed warm-up, as our engine's driver does, so V8 has optimised the hot paths.
await runAll(Math.min(warmup, instances));
completed = 0;
approvedEnds = 0;
notified = 0;

const cpuBefore = process.cpuUsage();
const began = performance.now();
await runAll(instances);
const seconds = (performance.now() - began) / 1000;
const cpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

function percentile(values, p) {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (x) => Math.round(x * 1000) / 1000;
const result = {
  engine: 'bpmn-engine',
  version: JSON.parse(readFileSync(new URL('./node_modules/bpmn-engine/package.json', import.meta.url))).version,
  node: process.version,
  instances,
  callers,
  warmup: Math.min(warmup, instances),
  completed,
  approvedEnds,
  notified,
  seconds: round(seconds),
  instancesPerSecond: round(completed / seconds),
  startP50Ms: round(percentile(startLatencies, 50)),
  startP99Ms: round(percentile(startLatencies, 99)),
  completeP50Ms: round(percentile(completeLatencies, 50)),
  completeP99Ms: round(percentile(completeLatencies, 99)),
  cpuMsPerInstance: round((cpu.user + cpu.system) / 1000 / instances),
  peakRssMb: round(peakRss / 1048576),
};
console.log(JSON.stringify(result));
console.error(
  `bpmn-engine ${result.version}: ${instances} instances, ${callers} in flight: ${result.instancesPerSecond} instances/s; ` +
    `start p50 ${result.startP50Ms} ms p99 ${result.startP99Ms} ms; complete p50 ${result.completeP50Ms} ms p99 ${result.completeP99Ms} ms; ` +
    `CPU ${result.cpuMsPerInstance} ms/instance; peak RSS ${result.peakRssMb} MB`
);
if (completed !== instances || approvedEnds !== instances || notified !== instances) {
  console.error(`FAILED: ${completed} completed, ${approvedEnds} reached approvedEnd, ${notified} notified, of ${instances}`);
  process.exit(1);
}
