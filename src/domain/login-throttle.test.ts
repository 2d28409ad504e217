import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

function throttleAt(limits: Partial<ConstructorParameters<typeof LoginThrottle>[1]> = {}) {
  let nowMs = 0;
  const throttle = new LoginThrottle(
    { now: () => new Date(nowMs) },
    { perEmail: 2, perClient: 3, windowMs: 60_000, maxEntries: 100, ...limits },
  );
  return { throttle, advance: (ms: number) => (nowMs += ms) };
}

describe('LoginThrottle', () => {
  it('throttles an email at its limit until the window from its first failure has passed', () => {
    const { throttle, advance } = throttleAt();
    throttle.recordFailure('a', 'ip1');
    advance(10_000);
    expect(throttle.retryAfterSeconds('a', 'ip2')).toBeUndefined();
    throttle.recordFailure('a', 'ip2');
    expect(throttle.retryAfterSeconds('a', 'ip3')).toBe(50);
    expect(throttle.retryAfterSeconds('b', 'ip3')).toBeUndefined();
    advance(50_000);
    expect(throttle.retryAfterSeconds('a', 'ip3')).toBeUndefined();
  });

  it('throttles a client at its limit whatever the email; clearing an email leaves the client count', () => {
    const { throttle } = throttleAt();
    for (const email of ['a', 'b', 'c']) throttle.recordFailure(email, 'ip1');
    expect(throttle.retryAfterSeconds('d', 'ip1')).toBe(60);
    throttle.clear('d');
    expect(throttle.retryAfterSeconds('d', 'ip1')).toBe(60);
    expect(throttle.retryAfterSeconds('d', 'ip2')).toBeUndefined();
  });

  it('begin() counts an attempt as it lets it through, so a burst of attempts begun together stops at the limit', () => {
    const { throttle } = throttleAt();
    expect([1, 2, 3].map(() => throttle.begin('a', 'ip1'))).toEqual([undefined, undefined, 60]);
  });

  it('succeeded() clears the email and takes back the client’s count of that attempt only', () => {
    const { throttle } = throttleAt();
    throttle.recordFailure('a', 'ip1');
    throttle.recordFailure('b', 'ip1');
    expect(throttle.begin('c', 'ip1')).toBeUndefined();
    throttle.succeeded('c', 'ip1');
    expect(throttle.begin('d', 'ip1')).toBeUndefined();
    expect(throttle.retryAfterSeconds('e', 'ip1')).toBe(60);
  });

  it('keeps at most maxEntries counters, dropping the oldest', () => {
    const { throttle } = throttleAt({ maxEntries: 4, perEmail: 1 });
    throttle.recordFailure('first', 'ip1');
    expect(throttle.retryAfterSeconds('first', 'ip9')).toBe(60);
    for (const email of ['x', 'y', 'z']) throttle.recordFailure(email, 'ip1');
    // 'first' was the oldest counter: evicted to make room.
    expect(throttle.retryAfterSeconds('first', 'ip9')).toBeUndefined();
    expect(throttle.retryAfterSeconds('z', 'ip9')).toBe(60);
  });
});
