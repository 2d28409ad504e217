// Fixed-connection workloads through autocannon, with every response checked: a wrong answer is an error, never speed.
import autocannon from 'autocannon';

/**
 * Runs one workload against 127.0.0.1:`port`.
 * `nextRequest()` returns `{ method, path, body?, check(status, bodyText) → problem string | null }` for each request.
 * Runs for `duration` seconds, or for `amount` requests when given; `warmup` seconds (or requests with `amount`) run first
 * and are discarded. Resolves with req/s of correct answers, p50/p99 latency in ms and the errors seen.
 */
export async function runLoad({
  title,
  port,
  headers = {},
  connections,
  duration,
  amount,
  warmup,
  nextRequest,
}) {
  const target = { port, headers, connections, nextRequest };
  if (warmup) await once({ ...target, ...(amount ? { amount: warmup } : { duration: warmup }) });
  const { result, bad, samples, elapsedS, latencies } = await once({
    ...target,
    ...(amount ? { amount } : { duration }),
  });
  const failures = bad + result.errors + result.timeouts;
  return {
    title,
    connections,
    requests: result.requests.total,
    durationS: round(elapsedS, 2),
    reqPerSec: round((result.requests.total - bad) / elapsedS, 0),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    errors: failures,
    errorSamples: [...samples, ...(result.errors ? [`${result.errors} connection errors`] : [])],
  };
}

async function once({ port, headers, connections, nextRequest, ...limits }) {
  let bad = 0;
  const samples = [];
  const latencies = [];
  const instance = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    pipelining: 1,
    timeout: 30,
    headers,
    ...limits,
    requests: [
      {
        setupRequest(req, context) {
          const next = nextRequest();
          context.check = next.check;
          context.what = `${next.method} ${next.path}`;
          // A request may bring its own headers (a different bearer key per request).
          const headers = next.headers === undefined ? req.headers : { ...req.headers, ...next.headers };
          if (next.body === undefined) return { ...req, method: next.method, path: next.path, headers };
          const withType = { ...headers, 'content-type': 'application/scim+json' };
          return { ...req, method: next.method, path: next.path, body: next.body, headers: withType };
        },
        onResponse(status, body, context) {
          const problem = context.check(status, body);
          if (problem === null) return;
          bad++;
          if (samples.length < 3) samples.push(`${context.what} → ${status}: ${problem}`);
        },
      },
    ],
  });
  // autocannon's own histogram keeps whole milliseconds; sub-millisecond answers need the exact times.
  // Its duration is whole seconds when `amount` ends a run, so the elapsed time is measured here too.
  const startedAt = performance.now();
  let lastAt = startedAt;
  instance.on('response', (_client, _status, _bytes, ms) => {
    latencies.push(ms);
    lastAt = performance.now();
  });
  const result = await instance;
  const elapsedS = (lastAt - startedAt) / 1000;
  return { result, bad, samples, elapsedS, latencies: Float64Array.from(latencies).sort() };
}

/** A check that accepts only the given statuses and, when `bodyCheck` is given, a JSON body it approves. */
export function expectStatus(statuses, bodyCheck) {
  return (status, text) => {
    if (!statuses.includes(status)) return `status ${status}: ${text.slice(0, 160)}`;
    if (bodyCheck === undefined) return null;
    try {
      return bodyCheck(JSON.parse(text));
    } catch {
      return `unparsable body: ${text.slice(0, 160)}`;
    }
  };
}

/** The `q` quantile (nearest rank) of sorted latencies, in ms with 2 decimals. */
function percentile(sorted, q) {
  if (sorted.length === 0) return null;
  return round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)], 2);
}

function round(value, digits) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
