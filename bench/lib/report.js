// Machine facts, read rounds summed up, the Markdown summary printed at the end of a run, and results/latest.json.
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

/**
 * One read workload's rounds as one row: the figures of the round with the median req/s (the lower middle one for an
 * even count), so its p50/p99 come from the same real measurement; errors are summed over every round, and every
 * round is kept for the JSON and for the pairing in evaluateGoals.
 */
export function summariseRounds(rounds) {
  const failed = rounds.find((x) => x.error !== undefined);
  if (failed !== undefined) return { error: `round ${failed.round}: ${failed.error}`, rounds };
  const byReqPerSec = [...rounds].sort((a, b) => a.reqPerSec - b.reqPerSec);
  const { round, ...median } = byReqPerSec[Math.floor((byReqPerSec.length - 1) / 2)];
  return {
    ...median,
    medianRound: round,
    errors: rounds.reduce((sum, x) => sum + x.errors, 0),
    errorSamples: rounds.flatMap((x) => x.errorSamples.map((s) => `round ${x.round}: ${s}`)).slice(0, 3),
    rounds,
  };
}

/**
 * Muster's performance targets, evaluated on one run's results (n/a when a workload failed or erred). The read targets
 * are the median over rounds of the ratio within each round, whose two loads ran seconds apart on the same machine.
 */
export function evaluateGoals(r) {
  const clean = (key) => r.workloads.find((w) => w.key === key && w.error === undefined && w.errors === 0);
  const [baseline, get, filter, small, big, baselineVerify, verify] = [
    'baseline-get',
    'muster-get',
    'muster-filter',
    'patch-small',
    'patch-big',
    'baseline-verify',
    'muster-verify',
  ].map(clean);
  const goals = [
    ['GET /Users/{id} req/s vs baseline', 0.6, pairedRatio(get, baseline, 'reqPerSec'), 'min'],
    ['filter userName eq p99 vs GET-by-id p99', 1.5, pairedRatio(filter, get, 'p99Ms'), 'max'],
    ['PATCH add member p50: big vs small group', 1.2, { value: ratio(big?.p50Ms, small?.p50Ms) }, 'max'],
    ['PATCH add member p99: big vs small group', 1.2, { value: ratio(big?.p99Ms, small?.p99Ms) }, 'max'],
    ['key verify req/s vs baseline', 0.8, pairedRatio(verify, baselineVerify, 'reqPerSec'), 'min'],
  ];
  return goals.map(([name, bound, { value, rounds }, side]) => ({
    name,
    target: `${side === 'min' ? '≥' : '≤'} ${bound}×`,
    value,
    ...(rounds === undefined ? {} : { rounds }),
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
  const loads = r.workloads.filter((x) => x.kind === 'load');
  for (const w of loads) {
    const title = w.rounds === undefined ? w.title : `${w.title}, median of ${w.rounds.length} rounds`;
    lines.push(
      w.error === undefined
        ? `| ${title} | ${w.system} | ${w.connections} | ${w.reqPerSec} | ${w.p50Ms} | ${w.p99Ms} | ${errorCell(w)} |`
        : `| ${title} | ${w.system} | | | | | FAILED: ${oneLine(w.error)} |`,
    );
  }
  lines.push(...roundLines(r.readRounds, loads));
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
      `| ${g.name} | ${g.target} | ${goalCell(g)} | ${g.ok === null ? 'n/a' : g.ok ? 'yes' : 'NO'} |`,
    );
  }
  if (r.goals.some((g) => g.rounds !== undefined)) {
    lines.push(
      '',
      'Read targets: median over the rounds of the ratio within a round (lowest–highest round).',
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

/** Every read round's figures in run order, so drift across the run and the spread within a system show. */
function roundLines(readRounds, loads) {
  const rounded = loads.filter((w) => w.rounds !== undefined);
  if (readRounds === undefined || rounded.length === 0) return [];
  const { rounds, roundS, warmupS } = readRounds;
  const lines = [
    '',
    `Read rows: ${rounds} rounds of ${roundS} s, each running the read workloads above back to back in table order ` +
      `(${warmupS} s warm-up before round 1 only); a row is the round with the median req/s. Per round:`,
    '',
  ];
  for (const w of rounded) {
    const figures = (key) => w.rounds.map((x) => (x.error === undefined ? x[key] : 'FAILED')).join(' · ');
    lines.push(`- ${w.title} (${w.system}): req/s ${figures('reqPerSec')}; p99 ms ${figures('p99Ms')}`);
  }
  return lines;
}

function goalCell(g) {
  if (g.value === null) return 'n/a';
  const known = (g.rounds ?? []).filter((x) => x !== null);
  if (known.length === 0) return String(g.value);
  return `${g.value} (${Math.min(...known)}–${Math.max(...known)})`;
}

function errorCell(w) {
  return w.errors === 0 ? '0' : `**${w.errors}** e.g. ${oneLine(w.errorSamples.join('; '))}`;
}

function oneLine(text) {
  return String(text).replace(/\s+/g, ' ').replaceAll('|', '\\|').slice(0, 240);
}

/**
 * The median over rounds of `a`'s `field` / `b`'s `field` in the same round, with every round's ratio: a ratio of two
 * loads seconds apart cancels the machine's drift, which a ratio of two medians taken a minute apart would keep.
 */
function pairedRatio(a, b, field) {
  if (a?.rounds === undefined || b?.rounds === undefined) return { value: null };
  const rounds = a.rounds.map((x, i) => ratio(x[field], b.rounds[i]?.[field]));
  const known = rounds.filter((x) => x !== null);
  return { value: known.length === 0 ? null : Math.round(median(known) * 100) / 100, rounds };
}

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// A figure can be null (a load with no answers) as well as absent (a failed load): neither gives a ratio.
function ratio(a, b) {
  return typeof a !== 'number' || typeof b !== 'number' || b === 0 ? null : Math.round((a / b) * 100) / 100;
}
