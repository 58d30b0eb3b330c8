/**
 * Which of the two GraphQL response media types a request's `Accept` header prefers, by q-value
 * (RFC 9110 §12.5.1), as Apollo Server's own negotiation chooses the response's content type: the
 * highest q wins; on a tie the more specific range, then the earlier one in the header, then
 * `application/json` (Apollo's first choice). q=0 means "not acceptable".
 */
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export const APPLICATION_JSON = 'application/json';

interface Match {
  readonly q: number;
  readonly specificity: number;
  readonly order: number;
}

export function preferredResponseType(accept: string | undefined): typeof GRAPHQL_RESPONSE_JSON | typeof APPLICATION_JSON | undefined {
  if (accept === undefined || accept.trim() === '') return APPLICATION_JSON;
  const ranges = accept.split(',').map(parseRange);
  const json = bestMatch(ranges, APPLICATION_JSON);
  const graphql = bestMatch(ranges, GRAPHQL_RESPONSE_JSON);
  if (graphql === undefined || graphql.q === 0) return json === undefined || json.q === 0 ? undefined : APPLICATION_JSON;
  if (json === undefined || json.q === 0) return GRAPHQL_RESPONSE_JSON;
  if (graphql.q !== json.q) return graphql.q > json.q ? GRAPHQL_RESPONSE_JSON : APPLICATION_JSON;
  if (graphql.specificity !== json.specificity) return graphql.specificity > json.specificity ? GRAPHQL_RESPONSE_JSON : APPLICATION_JSON;
  return graphql.order < json.order ? GRAPHQL_RESPONSE_JSON : APPLICATION_JSON;
}

interface Range {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
}

function parseRange(text: string): Range {
  const [mediaRange = '', ...parameters] = text.split(';');
  const [type = '', subtype = ''] = mediaRange.trim().toLowerCase().split('/');
  let q = 1;
  for (const parameter of parameters) {
    const [name, value] = parameter.split('=').map((part) => part.trim());
    if (name?.toLowerCase() === 'q') {
      const parsed = Number(value);
      q = Number.isFinite(parsed) ? Math.min(1, Math.max(0, parsed)) : 0;
    }
  }
  return { type, subtype, q };
}

/** The most specific range of the header that covers `mediaType`. */
function bestMatch(ranges: readonly Range[], mediaType: string): Match | undefined {
  const [type, subtype] = mediaType.split('/');
  let best: Match | undefined;
  ranges.forEach((range, order) => {
    let specificity: number;
    if (range.type === type && range.subtype === subtype) specificity = 2;
    else if (range.type === type && range.subtype === '*') specificity = 1;
    else if (range.type === '*' && range.subtype === '*') specificity = 0;
    else return;
    if (best === undefined || specificity > best.specificity) best = { q: range.q, specificity, order };
  });
  return best;
}
