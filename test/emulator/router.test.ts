import { describe, expect, it } from '@jest/globals';
import { Router } from '../../src/emulator/router.js';
import { upstreamRoutes } from '../../src/emulator/routes.js';

// The route table is exercised over HTTP elsewhere; this pins the matching rules with templates that
// conflict for the same method, which the customer routes alone do not.
const router = new Router<string>([
  { method: 'GET', template: '/v0/things/:thing_id', handler: 'get-thing' },
  { method: 'GET', template: '/v0/things/list', handler: 'list-things' },
  { method: 'POST', template: '/v0/things/:thing_id/parts/:part_id', handler: 'part' },
  { method: 'GET', template: '/v0/things/list/:page', handler: 'list-page' },
  { method: 'DELETE', template: '/v0/things/list', handler: 'delete-list' },
]);

function handlerOf(method: string, path: string) {
  const match = router.match(method, path);
  return match.kind === 'found' ? [match.route.handler, match.params] : [match.kind];
}

describe('Router', () => {
  it('prefers a literal segment over a parameter, whatever the order added', () => {
    expect(handlerOf('GET', '/v0/things/list')).toEqual(['list-things', {}]);
    expect(handlerOf('GET', '/v0/things/abc')).toEqual(['get-thing', { thing_id: 'abc' }]);
  });

  it('falls back to the parameter branch when the literal branch has no route', () => {
    expect(handlerOf('POST', '/v0/things/list/parts/7')).toEqual(['part', { thing_id: 'list', part_id: '7' }]);
    expect(handlerOf('GET', '/v0/things/list/2')).toEqual(['list-page', { page: '2' }]);
  });

  it('decodes parameters and keeps a malformed escape raw', () => {
    expect(handlerOf('GET', '/v0/things/a%20b')).toEqual(['get-thing', { thing_id: 'a b' }]);
    expect(handlerOf('GET', '/v0/things/%E0%A4%A')).toEqual(['get-thing', { thing_id: '%E0%A4%A' }]);
  });

  it('reports 405 with the methods of the first path that matches', () => {
    expect(router.match('PUT', '/v0/things/list')).toEqual({ kind: 'method-not-allowed', allowed: ['GET', 'DELETE'] });
    expect(router.match('PUT', '/v0/things/x')).toEqual({ kind: 'method-not-allowed', allowed: ['GET'] });
  });

  it('does not match empty segments, missing segments or relative paths', () => {
    for (const path of ['/v0/things//parts/1', '/v0', '/v0/things', 'v0/things/1', '', '/v0/things/1/parts/']) {
      expect([path, router.match('GET', path).kind]).toEqual([path, 'not-found']);
    }
  });

  it('refuses duplicate routes', () => {
    expect(() => router.add({ method: 'get', template: '/v0/things/list', handler: 'again' })).toThrow(
      'Duplicate route GET /v0/things/list',
    );
  });

  it('names upstream routes by METHOD template, in table order', () => {
    expect(upstreamRoutes.keys()).toEqual([
      'POST /v0/customers',
      'GET /v0/customers',
      'POST /v0/customers/simulate',
      'GET /v0/customers/:customer_id',
      'POST /v0/customers/:customer_id/kycs',
      'POST /v0/webhooks',
      'GET /v0/webhooks',
      'DELETE /v0/webhooks/:webhook_id',
    ]);
  });
});
