import { describe, expect, it } from '@jest/globals';
import { formatTraceparent, incomingTraceContext, newSpanId, newTraceId, parseTraceContext } from '../../src/telemetry/trace-context.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';

describe('W3C trace context', () => {
  it('reads a version 00 traceparent and its tracestate', () => {
    expect(parseTraceContext(`00-${TRACE}-${SPAN}-01`, ' congo=t61rcWkgMzE ')).toEqual({
      traceId: TRACE,
      parentId: SPAN,
      flags: '01',
      traceState: 'congo=t61rcWkgMzE',
    });
  });

  it.each([
    ['missing', undefined],
    ['upper-case hex', `00-${TRACE.toUpperCase()}-${SPAN}-01`],
    ['all-zero trace id', `00-${'0'.repeat(32)}-${SPAN}-01`],
    ['all-zero parent id', `00-${TRACE}-${'0'.repeat(16)}-01`],
    ['version ff', `ff-${TRACE}-${SPAN}-01`],
    ['version 00 with extra fields', `00-${TRACE}-${SPAN}-01-extra`],
    ['short trace id', `00-${TRACE.slice(1)}-${SPAN}-01`],
    ['bad flags', `00-${TRACE}-${SPAN}-0g`],
    ['two headers joined', `00-${TRACE}-${SPAN}-01, 00-${TRACE}-${SPAN}-01`],
  ])('ignores a traceparent that is %s', (_case, header) => {
    expect(parseTraceContext(header, 'a=b')).toBeUndefined();
  });

  it('accepts a later version with more fields, keeping only the sampled bit', () => {
    expect(parseTraceContext(`01-${TRACE}-${SPAN}-03-more`, undefined)).toMatchObject({ traceId: TRACE, flags: '01' });
  });

  it('drops a tracestate that is too long or holds control characters', () => {
    expect(parseTraceContext(`00-${TRACE}-${SPAN}-01`, `a=${'x'.repeat(600)}`)?.traceState).toBeUndefined();
    expect(parseTraceContext(`00-${TRACE}-${SPAN}-01`, 'a=b\u0000')?.traceState).toBeUndefined();
  });

  it('starts a new sampled trace when the caller sent none', () => {
    const context = incomingTraceContext({});
    expect(context.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(context.flags).toBe('01');
    expect(incomingTraceContext({}).traceId).not.toBe(context.traceId);
  });

  it('makes ids of the right shape, never all zeros, and formats traceparent', () => {
    for (let i = 0; i < 100; i += 1) {
      expect(newSpanId()).toMatch(/^[0-9a-f]{16}$/);
      expect(newSpanId()).not.toBe('0'.repeat(16));
      expect(newTraceId()).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(formatTraceparent({ traceId: TRACE, parentId: SPAN, flags: '00', traceState: undefined }, 'abcdef0123456789')).toBe(
      `00-${TRACE}-abcdef0123456789-00`,
    );
  });
});
