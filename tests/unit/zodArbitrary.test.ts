import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { allRoutes } from '../../contracts'
import type { RouteContract } from '../../contracts/common'
import { arbitraryFor, asStrings, unsupportedTypes } from '../helpers/zodArbitrary'

/* The fuzzer's zod → fast-check converter: what it generates, the schema accepts. */
const acceptRate = (schema: z.ZodTypeAny, runs = 200, seed = 11, asQuery = false) => {
  const values = fc.sample(arbitraryFor(schema), { numRuns: runs, seed })
  return values.filter((v) => schema.safeParse(asQuery ? asStrings(v) : v).success).length / runs
}

describe('arbitraryFor: values from a zod schema', () => {
  const always: Record<string, z.ZodTypeAny> = {
    'string min/max': z.string().min(3).max(5),
    'trimmed string': z.string().trim().min(1).max(8),
    regex: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/),
    'regex with length': z
      .string()
      .min(1)
      .max(64)
      .regex(/^[0-9A-Za-z_-]+$/),
    datetime: z.string().datetime(),
    'datetime with offset': z.string().datetime({ offset: true }),
    date: z.string().date(),
    'email, url, uuid, ulid': z.object({
      e: z.string().email(),
      u: z.string().url(),
      id: z.string().uuid(),
      l: z.string().ulid(),
    }),
    'startsWith / endsWith': z.string().startsWith('uploads/').endsWith('.jpg'),
    int: z.number().int().min(0).max(9),
    'exclusive number': z.number().gt(0).lt(1),
    multipleOf: z.number().multipleOf(5).min(0).max(100),
    enum: z.enum(['a', 'b']),
    literal: z.literal(true),
    boolean: z.boolean(),
    'array min/max': z.array(z.string().min(1)).min(2).max(4),
    'optional, default, nullable': z.object({
      a: z.string().optional(),
      b: z.number().default(1),
      c: z.string().nullable(),
    }),
    union: z.union([z.string().min(2), z.number().int()]),
    discriminatedUnion: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('a'), x: z.string() }),
      z.object({ kind: z.literal('b'), y: z.number() }),
    ]),
    record: z.record(z.string().min(1)),
    'record with enum keys': z.record(z.enum(['x', 'y']), z.number()),
    transform: z.string().transform((s) => s.length),
    preprocess: z.preprocess((v) => v, z.number().int()),
    pipeline: z.string().pipe(z.string().min(1)),
    intersection: z.intersection(z.object({ a: z.string() }), z.object({ b: z.number() })),
    tuple: z.tuple([z.string(), z.number()]),
    'strict object': z.object({ a: z.string() }).strict(),
    catchall: z.object({ a: z.string() }).catchall(z.number()),
    branded: z.string().min(1).brand<'Name'>(),
    readonly: z.object({ a: z.number() }).readonly(),
    lazy: z.lazy(() => z.object({ name: z.string() })),
    nativeEnum: z.nativeEnum({ A: 'a', B: 'b' } as const),
  }
  for (const [name, schema] of Object.entries(always))
    it(`makes only accepted values: ${name}`, () => expect(acceptRate(schema)).toBe(1))

  it('makes query strings z.coerce accepts', () => {
    expect(
      acceptRate(
        z.object({
          limit: z.coerce.number().int().min(1).max(50).optional(),
          on: z.enum(['true', 'false']).optional(),
        }),
        200,
        11,
        true,
      ),
    ).toBe(1)
  })

  it('lands on the boundaries now and then', () => {
    const lengths = fc
      .sample(arbitraryFor(z.string().min(4).max(40)), { numRuns: 300, seed: 5 })
      .map((s) => (s as string).length)
    expect(lengths).toContain(4)
    expect(lengths).toContain(40)
    const ints = fc.sample(arbitraryFor(z.number().int().min(0).max(9)), { numRuns: 300, seed: 5 })
    expect(ints).toContain(0)
    expect(ints).toContain(9)
  })

  it('uses hints where the schema accepts them, and only there', () => {
    const schema = z.object({ buildingId: z.string().regex(/^[0-9A-Z]{3}$/), name: z.string().max(3) })
    const values = fc.sample(
      arbitraryFor(schema, {
        hint: (key) => [{ values: key === 'buildingId' ? ['B01', 'not an id'] : ['far too long a name'], weight: 3 }],
      }),
      {
        numRuns: 200,
        seed: 3,
      },
    ) as { buildingId: string; name: string }[]
    expect(values.some((v) => v.buildingId === 'B01')).toBe(true)
    expect(values.some((v) => v.buildingId === 'not an id' || v.name === 'far too long a name')).toBe(false)
  })
})

describe('arbitraryFor on every contract', () => {
  const routes = Object.values(allRoutes).flatMap((group) => Object.values(group as Record<string, RouteContract>))
  it('knows every zod type the contracts use', () => {
    for (const r of routes) for (const s of [r.params, r.query, r.body]) if (s) arbitraryFor(s)
    expect([...unsupportedTypes]).toEqual([])
  })
  // Refinements (closesAt after opensAt, no duplicate category) refuse some; the structure must do the rest.
  for (const r of routes)
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = r[part]
      if (!schema) continue
      it(`makes mostly valid ${part} for ${r.operationId}`, () =>
        expect(acceptRate(schema, 40, 17, part !== 'body')).toBeGreaterThanOrEqual(0.3))
    }
})
