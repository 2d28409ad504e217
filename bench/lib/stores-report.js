// The stores benchmark's Markdown summary and results/stores-latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';

export function renderStoresMarkdown(r) {
  const m = r.machine;
  const lines = [
    `Muster stores bench (${r.mode}) — ${r.startedAt}, took ${r.tookS ?? '?'} s`,
    `Machine: ${m.nproc} CPUs (${m.cpu}), ${m.memoryGiB} GiB RAM, Node ${m.node}, ${m.os}, ` +
      `commit ${m.commit ?? '?'}, load average ${m.loadAverage1m} at start`,
    '',
    '| workload | store | instances | req/s | p50 ms | p99 ms | errors |',
    '| --- | --- | --- | ---: | ---: | ---: | --- |',
  ];
  for (const s of r.stores) {
    for (const w of s.workloads.filter((x) => x.kind === 'load')) {
      const title = w.rounds === undefined ? w.title : `${w.title}, median of ${w.rounds.length} rounds`;
      lines.push(
        w.error === undefined
          ? `| ${title} | ${s.store} | ${w.setup} | ${w.reqPerSec} | ${w.p50Ms} | ${w.p99Ms} | ${w.errors} |`
          : `| ${title} | ${s.store} | ${w.setup} | | | | FAILED: ${w.error} |`,
      );
    }
  }
  lines.push(
    '',
    '| one-off workload | store | instances | requests | wall s | req/s |',
    '| --- | --- | --- | ---: | ---: | ---: |',
  );
  for (const s of r.stores) {
    for (const w of s.workloads.filter((x) => x.kind === 'wall')) {
      lines.push(
        w.error === undefined
          ? `| ${w.title} | ${s.store} | ${w.setup ?? 'one instance'} | ${w.requests ?? w.count} | ${w.wallS} | ${w.reqPerSec} |`
          : `| ${w.title} | ${s.store} | ${w.setup ?? ''} | | | FAILED: ${w.error} |`,
      );
    }
  }
  lines.push('');
  for (const s of r.stores) {
    lines.push(
      `${s.store}: RSS of instance a at the end ${s.memory?.rssMiB ?? '?'} MiB (peak ${s.memory?.peakRssMiB ?? '?'} MiB), database ${s.databaseMiB ?? '?'} MiB.`,
    );
  }
  if (r.fatal !== undefined) lines.push('', `RUN ABORTED: ${r.fatal}`);
  return lines.join('\n');
}

export function writeStoresJson(dir, results) {
  mkdirSync(dir, { recursive: true });
  const file = new URL('stores-latest.json', dir);
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  return file.pathname;
}
