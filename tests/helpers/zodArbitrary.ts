import fc from 'fast-check'
import type { z } from 'zod'

/*
 * zod 3 schema → fast-check arbitrary of values the schema should accept, as JSON can carry them (a request body,
 * path or query). It reads the schema's own definition (`_def`), so it follows the contracts as they change:
 * objects, strings with their checks (min/max/length, regex, datetime, date, time, email, url, uuid, ulid, …,
 * trim, startsWith/endsWith/includes), numbers (int, min/max, multipleOf), enums, literals, arrays, records,
 * unions (plain and discriminated), intersections, tuples, optional/nullable/default/catch, effects (refine,
 * transform, preprocess), pipelines, branded, readonly and lazy schemas, and z.coerce.
 *
 * The values are "valid" as far as the schema's structure says: a refinement (closesAt after opensAt, no
 * duplicate category) can still refuse some, which is what a fuzzer wants too. Each string and number also lands
 * on its boundaries (exactly min, exactly max) now and then.
 */
export interface ArbitraryOptions {
  /**
   * Values to try beside the generated ones for a leaf at an object key (real ids for `buildingId`, a real photo
   * key for `photoKeys`), in groups drawn as often as their weight says (the generated values weigh 2); a value
   * is used only where the leaf's schema accepts it.
   */
  hint?: (key: string | undefined) => readonly { values: readonly unknown[]; weight: number }[] | undefined
  /** Depth at which a lazy (recursive) schema stops. */
  maxDepth?: number
}

/** zod type names the converter met and does not know (a newer zod, a custom ZodType): it generated any JSON for them. */
export const unsupportedTypes = new Set<string>()

type AnySchema = z.ZodTypeAny
const def = (s: AnySchema): any => (s as any)._def

// Letters a resident writes: Chinese, Latin, digits, punctuation; no whitespace at the ends (trim keeps lengths).
const textUnit = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(...'楼道灯坏了居民议事小区物业网格社区更换维修电梯停车垃圾分类绿化'.split('')),
  },
  { weight: 3, arbitrary: fc.constantFrom(...'abcdeXYZ0123456789'.split('')) },
  { weight: 1, arbitrary: fc.constantFrom(...'-_.,!?（），。、：；“”\'"<>&\\/$%{}[]#@'.split('')) },
)
const text = (min: number, max: number) => {
  const cap = Math.min(max, min + 40)
  const typical = fc.string({ unit: textUnit, minLength: min, maxLength: cap })
  const edges = [fc.string({ unit: textUnit, minLength: min, maxLength: min })]
  if (Number.isFinite(max) && max <= 5000) edges.push(fc.string({ unit: textUnit, minLength: max, maxLength: max }))
  return fc.oneof({ weight: 6, arbitrary: typical }, ...edges.map((arbitrary) => ({ weight: 1, arbitrary })))
}

/** Picks the first of several candidates the predicate accepts (or the first, when none is): a filter that cannot hang. */
const preferring = <T>(arb: fc.Arbitrary<T>, accept: (v: T) => boolean, tries = 8): fc.Arbitrary<T> =>
  fc.array(arb, { minLength: tries, maxLength: tries }).map((list) => list.find(accept) ?? list[0]!)

const isoDateTime = (check: { offset?: boolean; local?: boolean; precision?: number | null }) =>
  fc
    .tuple(
      fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
      fc.integer({ min: -12, max: 14 }),
      fc.boolean(),
    )
    .map(([d, hours, useOffset]) => {
      let s = d.toISOString() // 2026-01-01T00:00:00.000Z
      if (check.precision === 0) s = s.replace(/\.\d{3}/, '')
      else if (typeof check.precision === 'number') s = s.replace(/\.\d{3}/, `.${'0'.repeat(check.precision)}`)
      if (check.local) return s.slice(0, -1)
      if (check.offset && useOffset)
        return `${s.slice(0, -1)}${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:00`
      return s
    })
const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

const stringArbitrary = (schema: AnySchema): fc.Arbitrary<string> => {
  const checks: any[] = def(schema).checks ?? []
  let min = 0
  let max = Infinity
  for (const c of checks) {
    if (c.kind === 'min') min = Math.max(min, c.value)
    if (c.kind === 'max') max = Math.min(max, c.value)
    if (c.kind === 'length') min = max = c.value
  }
  const has = (kind: string) => checks.find((c) => c.kind === kind)
  const regex = checks.find((c) => c.kind === 'regex')?.regex as RegExp | undefined
  let base: fc.Arbitrary<string>
  if (has('datetime')) base = isoDateTime(has('datetime'))
  else if (has('date')) base = isoDate
  else if (has('time'))
    base = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`)
  else if (has('email')) base = fc.stringMatching(/^[a-z0-9]{1,10}(\.[a-z0-9]{1,5})?@[a-z0-9]{1,10}\.(com|cn|org)$/)
  else if (has('url')) base = fc.webUrl()
  else if (has('uuid')) base = fc.uuid()
  else if (has('ulid')) base = fc.ulid()
  else if (has('cuid')) base = fc.stringMatching(/^c[a-z0-9]{24}$/)
  else if (has('cuid2')) base = fc.stringMatching(/^[a-z][a-z0-9]{23}$/)
  else if (has('nanoid')) base = fc.stringMatching(/^[A-Za-z0-9_-]{21}$/)
  else if (has('ip')) base = has('ip').version === 'v6' ? fc.ipV6() : fc.ipV4()
  else if (has('cidr')) base = fc.ipV4().map((ip) => `${ip}/24`)
  else if (has('base64')) base = fc.base64String({ minLength: 4, maxLength: 40 }).filter((s) => s.length % 4 === 0)
  else if (has('base64url')) base = fc.stringMatching(/^[A-Za-z0-9_-]{4,40}$/)
  else if (has('emoji')) base = fc.constantFrom('😀', '🏠', '👍')
  else if (has('duration')) base = fc.constantFrom('P1D', 'PT1H', 'P1Y2M3DT4H5M6S')
  else if (has('jwt')) base = fc.constant('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.c2lnbmF0dXJl')
  else if (regex) base = fc.stringMatching(new RegExp(regex.source, regex.flags.replace(/[gy]/g, '')))
  else base = text(min, max)
  const prefix = has('startsWith')?.value ?? ''
  const suffix = has('endsWith')?.value ?? ''
  const includes = has('includes')?.value ?? ''
  if (prefix || suffix || includes)
    base = base.map((s) => `${prefix}${includes && !s.includes(includes) ? includes : ''}${s}${suffix}`)
  if (has('toLowerCase')) base = base.map((s) => s.toLowerCase())
  if (has('toUpperCase')) base = base.map((s) => s.toUpperCase())
  return preferring(base, (s) => schema.safeParse(s).success)
}

const numberArbitrary = (schema: AnySchema): fc.Arbitrary<number> => {
  const checks: any[] = def(schema).checks ?? []
  let min = -1e6
  let max = 1e6
  let minExcluded = false
  let maxExcluded = false
  let int = false
  let step: number | undefined
  for (const c of checks) {
    if (c.kind === 'min') [min, minExcluded] = [c.value, !c.inclusive]
    if (c.kind === 'max') [max, maxExcluded] = [c.value, !c.inclusive]
    if (c.kind === 'int') int = true
    if (c.kind === 'multipleOf') step = c.value
  }
  let arb: fc.Arbitrary<number>
  if (step) {
    const lo = Math.ceil(min / step)
    const hi = Math.max(lo, Math.floor(max / step))
    arb = fc.integer({ min: lo, max: hi }).map((k) => k * step!)
  } else if (int) {
    const lo = Math.max(Number.MIN_SAFE_INTEGER, Math.ceil(minExcluded ? min + 1e-9 : min))
    const hi = Math.min(Number.MAX_SAFE_INTEGER, Math.floor(maxExcluded ? max - 1e-9 : max))
    arb = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: lo, max: Math.max(lo, hi) }) },
      { weight: 1, arbitrary: fc.constantFrom(lo, Math.max(lo, hi)) },
    )
  } else {
    const range = fc.double({ min, max, minExcluded, maxExcluded, noNaN: true, noDefaultInfinity: true })
    const edges = [...(minExcluded ? [] : [min]), ...(maxExcluded ? [] : [max])]
    arb = edges.length
      ? fc.oneof({ weight: 6, arbitrary: range }, { weight: 1, arbitrary: fc.constantFrom(...edges) })
      : range
  }
  return preferring(arb, (n) => schema.safeParse(n).success)
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** An arbitrary of values `schema` accepts (see the file's comment for what "accepts" means). */
export const arbitraryFor = (schema: AnySchema, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> =>
  build(schema, options, undefined, 0)

const withHints = (
  arb: fc.Arbitrary<unknown>,
  schema: AnySchema,
  options: ArbitraryOptions,
  key: string | undefined,
): fc.Arbitrary<unknown> => {
  const groups = (options.hint?.(key) ?? [])
    .map((g) => ({ weight: g.weight, values: g.values.filter((v) => schema.safeParse(v).success) }))
    .filter((g) => g.values.length)
  return groups.length
    ? fc.oneof(
        { weight: 2, arbitrary: arb },
        ...groups.map((g) => ({ weight: g.weight, arbitrary: fc.constantFrom(...g.values) })),
      )
    : arb
}

const build = (
  schema: AnySchema,
  options: ArbitraryOptions,
  key: string | undefined,
  depth: number,
): fc.Arbitrary<unknown> => {
  const d = def(schema)
  const inner = (s: AnySchema, k = key) => build(s, options, k, depth + 1)
  switch (d.typeName as string) {
    case 'ZodString':
      return withHints(
        d.coerce ? fc.oneof(stringArbitrary(schema), fc.integer().map(String)) : stringArbitrary(schema),
        schema,
        options,
        key,
      )
    case 'ZodNumber':
      return withHints(numberArbitrary(schema), schema, options, key)
    case 'ZodBigInt':
      return fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map(String) // only z.coerce.bigint() takes it from JSON
    case 'ZodBoolean':
      return fc.boolean()
    case 'ZodDate':
      return fc
        .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
        .map((x) => x.toISOString())
    case 'ZodNaN':
    case 'ZodNull':
      return fc.constant(null)
    case 'ZodUndefined':
    case 'ZodVoid':
    case 'ZodNever':
      return fc.constant(undefined)
    case 'ZodAny':
    case 'ZodUnknown':
      return fc.jsonValue({ maxDepth: 2 })
    case 'ZodLiteral':
      return fc.constant(d.value)
    case 'ZodEnum':
      return withHints(fc.constantFrom(...(d.values as unknown[])), schema, options, key)
    case 'ZodNativeEnum': {
      const values = Object.entries(d.values as Record<string, unknown>)
        .filter(([k]) => !/^\d+$/.test(k))
        .map(([, v]) => v)
      return fc.constantFrom(...values)
    }
    case 'ZodArray': {
      const min: number = d.exactLength?.value ?? d.minLength?.value ?? 0
      const max: number = d.exactLength?.value ?? d.maxLength?.value ?? min + 8
      const item = inner(d.type)
      const typical = fc.array(item, { minLength: min, maxLength: Math.min(max, min + 6) })
      return max <= 30 && max > min + 6
        ? fc.oneof(
            { weight: 5, arbitrary: typical },
            { weight: 1, arbitrary: fc.array(item, { minLength: max, maxLength: max }) },
          )
        : typical
    }
    case 'ZodObject': {
      const shape: Record<string, AnySchema> = d.shape()
      const fields = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, inner(s, k)]))
      const requiredKeys = Object.keys(shape).filter((k) => !shape[k]!.isOptional())
      const record = fc.record(fields, { requiredKeys })
      const catchall: AnySchema | undefined = def(d.catchall)?.typeName === 'ZodNever' ? undefined : d.catchall
      if (!catchall) return record
      return fc
        .tuple(record, fc.dictionary(fc.stringMatching(/^x[a-z]{1,8}$/), inner(catchall), { maxKeys: 3 }))
        .map(([r, extra]) => ({ ...extra, ...r }))
    }
    case 'ZodUnion':
    case 'ZodDiscriminatedUnion':
      return fc.oneof(...[...(d.options as Iterable<AnySchema>)].map((o) => inner(o)))
    case 'ZodIntersection':
      return fc
        .tuple(inner(d.left), inner(d.right))
        .map(([a, b]) => (isPlainObject(a) && isPlainObject(b) ? { ...a, ...b } : a))
    case 'ZodTuple': {
      const items = fc.tuple(...(d.items as AnySchema[]).map((s) => inner(s)))
      return d.rest
        ? fc.tuple(items, fc.array(inner(d.rest), { maxLength: 3 })).map(([a, rest]) => [...a, ...rest])
        : items
    }
    case 'ZodRecord':
    case 'ZodMap': {
      const keyArb = inner(d.keyType).map((k) => String(k))
      const dict = fc.dictionary(keyArb, inner(d.valueType), { maxKeys: 5 })
      return d.typeName === 'ZodMap' ? dict.map((o) => Object.entries(o)) : dict
    }
    case 'ZodSet':
      return fc.uniqueArray(inner(d.valueType), { maxLength: 5 })
    case 'ZodLazy':
      return depth > (options.maxDepth ?? 6) ? fc.constant(null) : inner(d.getter())
    // A refinement or a pipeline's output schema may refuse what the inner schema makes: prefer what it accepts.
    case 'ZodEffects':
      return preferring(inner(d.schema), (v) => schema.safeParse(v).success, 4)
    case 'ZodPipeline':
      return preferring(inner(d.in), (v) => schema.safeParse(v).success, 4)
    case 'ZodOptional':
      return fc.option(inner(d.innerType), { nil: undefined, freq: 4 })
    case 'ZodNullable':
      return fc.option(inner(d.innerType), { nil: null, freq: 4 })
    case 'ZodDefault':
      return fc.option(inner(d.innerType), { nil: undefined, freq: 3 })
    case 'ZodCatch':
    case 'ZodReadonly':
      return inner(d.innerType)
    case 'ZodBranded':
    case 'ZodPromise':
      return inner(d.type)
    case 'ZodSymbol':
    case 'ZodFunction':
      return fc.constant(null) // no JSON form
    default:
      unsupportedTypes.add(String(d?.typeName ?? (schema as any)?.constructor?.name))
      return fc.jsonValue({ maxDepth: 2 })
  }
}

/** Query or path values are strings: what `arbitraryFor` generated, as a URL would carry it. */
export const asStrings = (value: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries(isPlainObject(value) ? value : {}).flatMap(([k, v]) =>
      v === undefined
        ? []
        : [
            [
              k,
              typeof v === 'string'
                ? v
                : Array.isArray(v)
                  ? v.join(',')
                  : typeof v === 'object' && v !== null
                    ? JSON.stringify(v)
                    : String(v),
            ],
          ],
    ),
  )
