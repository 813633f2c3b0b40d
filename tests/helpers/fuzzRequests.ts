import fc from 'fast-check'
import type { RouteContract } from '../../contracts/common'
import { mutationArb, mutate } from './jsonMutations'
import { arbitraryFor, asStrings, type ArbitraryOptions } from './zodArbitrary'

/*
 * Requests for the API fuzzer (tests/integration/fuzz.test.ts): for one route, valid requests generated from its
 * own contract, and mutations of them: wrong types, missing and extra fields, primitives as the whole body, deep
 * nesting, huge strings around the 64 KB body limit, `__proto__`/`constructor` keys, an item repeated in a list,
 * bad path and query values, and every way of sending (or botching) the session token.
 */
export interface FuzzRequest {
  /** What was sent, in words, for the failure message. */
  label: string
  path: string
  query: Record<string, string>
  rawBody?: string
  headers: Record<string, string>
}

/** Strings that make lookups on plain objects, parsers and key builders trip; tried wherever a schema takes them. */
export const nastyStrings = [
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'null',
  'undefined',
  'NaN',
  '0',
  '-1',
  '#',
  'a#b',
  'x|y',
  "'",
  '"',
  '\\',
  '<script>',
  '${x}',
  '楼',
  '😀',
  ' 楼 ',
]

/** Whole bodies that are not the object a route wants: JSON primitives (serverless offline passes some as values) and broken JSON. */
export const primitiveBodies = [
  'false',
  '0',
  '"x"',
  'null',
  '[]',
  'true',
  '1',
  '-0',
  '1e999',
  '""',
  '{}',
  '[{}]',
  '"\\u0000"',
  '{',
  '}',
  'undefined',
  'NaN',
  "{'a':1}",
  '{"a":}',
  '\uFEFF{}',
  ' ',
  '{"a":1}{"b":2}',
]

/** Path values no route wants: empty, dot segments, broken percent-encoding, very long, unicode, encoded slashes. */
export const badPathValues = [
  '',
  '.',
  '..',
  '%',
  '%zz',
  '%E6%A5',
  '%00',
  '%2F',
  'a%2Fb',
  encodeURIComponent(' 楼 '),
  '楼栋',
  '😀',
  'x'.repeat(65),
  'x'.repeat(2_000),
  'x'.repeat(70_000),
  'constructor',
  '__proto__',
  'toString',
  encodeURIComponent('a#b|c'),
]

/** Query values no route wants. */
export const badQueryValues = [
  '',
  ' ',
  'x'.repeat(1_001),
  'x'.repeat(20_000),
  '%zz',
  '-1',
  '0',
  '1.5',
  '1e999',
  'NaN',
  'Infinity',
  '0x10',
  ' 5',
  'true',
  '[object Object]',
  '楼',
  '\u0000',
  ...nastyStrings,
]

export interface FuzzWorld {
  /** Header sets: each real user's token (mostly), none, and every broken form of one (see fuzz.test.ts). */
  auth: { label: string; headers: Record<string, string>; weight: number }[]
  /** Real values by key (`buildingId` → the world's buildings), handed to the converter as hints. */
  hint: ArbitraryOptions['hint']
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '')

/** Requests for one route: valid ones from its contract and every kind of mutation, with every kind of token. */
export const requestsFor = (route: RouteContract, world: FuzzWorld): fc.Arbitrary<FuzzRequest> => {
  const options = { hint: world.hint }
  const params = route.params
    ? arbitraryFor(route.params, options).map(asStrings)
    : fc.constant({} as Record<string, string>)
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)
  const path = fc.oneof(
    {
      weight: 5,
      arbitrary: params.map((p) => ({
        path: fill(route.path, Object.fromEntries(names.map((n) => [n, encodeURIComponent(p[n] ?? '')]))),
        label: 'valid path',
      })),
    },
    ...(names.length
      ? [
          {
            weight: 1,
            arbitrary: fc
              .tuple(params, fc.constantFrom(...names), fc.constantFrom(...badPathValues))
              .map(([p, name, bad]) => ({
                path: fill(route.path, {
                  ...Object.fromEntries(names.map((n) => [n, encodeURIComponent(p[n] ?? '')])),
                  [name]: bad,
                }),
                label: `path ${name} = ${JSON.stringify(bad.slice(0, 20))}${bad.length > 20 ? `… (${bad.length})` : ''}`,
              })),
          },
        ]
      : []),
  )
  const validQuery = route.query
    ? arbitraryFor(route.query, options).map(asStrings)
    : fc.constant({} as Record<string, string>)
  const queryKeys = route.query ? Object.keys((route.query as any).shape ?? {}) : []
  const query = fc.oneof(
    { weight: 8, arbitrary: validQuery.map((q) => ({ query: q, label: 'valid query' })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          validQuery,
          fc.constantFrom(...queryKeys, '__proto__', 'constructor', 'extra'),
          fc.constantFrom(...badQueryValues),
        )
        .map(([q, key, bad]) => {
          const mutated = { ...q }
          Object.defineProperty(mutated, key, { value: bad, enumerable: true, writable: true, configurable: true })
          return { query: mutated, label: `query ${key} = ${JSON.stringify(bad.slice(0, 20))}` }
        }),
    },
  )
  const validBody = route.body ? arbitraryFor(route.body, options) : fc.constant(undefined)
  const body = fc.oneof(
    {
      weight: 6,
      arbitrary: validBody.map((b) => ({
        rawBody: b === undefined ? undefined : JSON.stringify(b),
        label: 'valid body',
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...primitiveBodies)
        .map((rawBody) => ({ rawBody, label: `body ${JSON.stringify(rawBody)}` })),
    },
    { weight: route.body ? 3 : 1, arbitrary: fc.tuple(validBody, mutationArb).map(([b, m]) => mutate(b, m)) },
  )
  return fc
    .tuple(path, query, body, fc.oneof(...world.auth.map((a) => ({ weight: a.weight, arbitrary: fc.constant(a) }))))
    .map(([p, q, b, a]) => ({
      label: [p.label, q.label, b.label.slice(0, 120), a.label].join('; '),
      path: p.path,
      query: q.query,
      ...(b.rawBody === undefined ? {} : { rawBody: b.rawBody }),
      headers: a.headers,
    }))
}

/** What every route gets whatever the seed (the random requests draw from the longer lists above). */
const fixedBodies = ['false', '0', '"x"', 'null', '[]', '{']
const fixedPathValues = ['', '..', '%', '%zz', 'x'.repeat(70_000), '楼栋', 'constructor']

/**
 * The fixed requests every route gets whatever the seed: primitive and broken bodies with a token (and without
 * one where the route takes a body; a route that takes none ignores them) and bad values for each path parameter.
 */
export const fixedRequestsFor = (
  route: RouteContract,
  valid: { path: string; token: Record<string, string> },
): FuzzRequest[] => {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)
  const out: FuzzRequest[] = []
  for (const rawBody of route.body ? fixedBodies : ['false', '{'])
    out.push({
      label: `body ${JSON.stringify(rawBody)} with a token`,
      path: valid.path,
      query: {},
      rawBody,
      headers: valid.token,
    })
  if (route.body)
    for (const rawBody of fixedBodies.slice(0, 3))
      out.push({
        label: `body ${JSON.stringify(rawBody)} without a token`,
        path: valid.path,
        query: {},
        rawBody,
        headers: {},
      })
  for (const name of names)
    for (const [i, bad] of fixedPathValues.entries()) {
      const segments = valid.path.split('/')
      segments[route.path.split('/').indexOf(`{${name}}`)] = bad
      const headers = i % 3 === 2 ? {} : valid.token
      out.push({
        label: `path ${name} = ${JSON.stringify(bad.slice(0, 20))} ${i % 3 === 2 ? 'without' : 'with'} a token`,
        path: segments.join('/'),
        query: {},
        headers,
      })
    }
  return out
}
