// Machine facts, the Markdown summary printed at the end of a run, and results/latest.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';

export function machineFacts() {
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: 'pipe',
    }).trim();
  } catch {
    // not a checkout: the facts stand without it
  }
  return {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    // Other work on the machine skews every figure; a load average near nproc at the start means a noisy run.
    loadAverage1m: Math.round(os.loadavg()[0] * 100) / 100,
    commit,
  };
}

/** Muster's performance targets, evaluated on one run's results (n/a when a workload failed or erred). */
export function evaluateGoals(r) {
  const clean = (key) => r.workloads.find((w) => w.key === key && w.error === undefined && w.errors === 0);
  const [baseline, get, filter, small, big] = [
    'baseline-get',
    'muster-get',
    'muster-filter',
    'patch-small',
    'patch-big',
  ].map(clean);
  const goals = [
    ['GET /Users/{id} req/s vs baseline', 0.6, ratio(get?.reqPerSec, baseline?.reqPerSec), 'min'],
    ['filter userName eq p99 vs GET-by-id p99', 1.5, ratio(filter?.p99Ms, get?.p99Ms), 'max'],
    ['PATCH add member p50: big vs small group', 1.2, ratio(big?.p50Ms, small?.p50Ms), 'max'],
    ['PATCH add member p99: big vs small group', 1.2, ratio(big?.p99Ms, small?.p99Ms), 'max'],
  ];
  return goals.map(([name, bound, value, side]) => ({
    name,
    target: `${side === 'min' ? '≥' : '≤'} ${bound}×`,
    value,
    ok: value === null ? null : side === 'min' ? value >= bound : value <= bound,
  }));
}

export function renderMarkdown(r) {
  const m = r.machine;
  const lines = [
    `Muster bench (${r.mode}) — ${r.startedAt}, took ${r.tookS} s`,
    `Machine: ${m.nproc} CPUs (${m.cpu}), ${m.memoryGiB} GiB RAM, Node ${m.node}, ${m.os}, ` +
      `commit ${m.commit ?? '?'}, load average ${m.loadAverage1m} at start`,
    '',
    '| workload | system | conns | req/s | p50 ms | p99 ms | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const w of r.workloads.filter((x) => x.kind === 'load')) {
    lines.push(
      w.error === undefined
        ? `| ${w.title} | ${w.system} | ${w.connections} | ${w.reqPerSec} | ${w.p50Ms} | ${w.p99Ms} | ${errorCell(w)} |`
        : `| ${w.title} | ${w.system} | | | | | FAILED: ${oneLine(w.error)} |`,
    );
  }
  lines.push(
    '',
    '| one-off workload | requests | wall s | req/s | notes |',
    '| --- | ---: | ---: | ---: | --- |',
  );
  for (const w of r.workloads.filter((x) => x.kind === 'wall')) {
    lines.push(
      w.error === undefined
        ? `| ${w.title} | ${w.requests} | ${w.wallS} | ${w.reqPerSec} | ${w.notes ?? ''} |`
        : `| ${w.title} | | | | FAILED: ${oneLine(w.error)} |`,
    );
  }
  lines.push('', '| target | goal | measured | met |', '| --- | --- | ---: | --- |');
  for (const g of r.goals) {
    lines.push(
      `| ${g.name} | ${g.target} | ${g.value ?? 'n/a'} | ${g.ok === null ? 'n/a' : g.ok ? 'yes' : 'NO'} |`,
    );
  }
  if (r.muster !== undefined) {
    lines.push(
      '',
      `Muster at the end: RSS ${r.muster.rssMiB ?? '?'} MiB (peak ${r.muster.peakRssMiB ?? '?'} MiB), database ${r.muster.dbMiB} MiB.`,
    );
  }
  if (r.fatal !== undefined) lines.push('', `RUN ABORTED: ${r.fatal}`);
  return lines.join('\n');
}

export function writeJson(dir, results) {
  mkdirSync(dir, { recursive: true });
  const file = new URL('latest.json', dir);
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  return file.pathname;
}

function errorCell(w) {
  return w.errors === 0 ? '0' : `**${w.errors}** e.g. ${oneLine(w.errorSamples.join('; '))}`;
}

function oneLine(text) {
  return String(text).replace(/\s+/g, ' ').replaceAll('|', '\\|').slice(0, 240);
}

function ratio(a, b) {
  return a === undefined || b === undefined || b === 0 ? null : Math.round((a / b) * 100) / 100;
}
