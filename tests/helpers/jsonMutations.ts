import fc from 'fast-check'

/*
 * Mutations of a valid JSON body for the API fuzzer (fuzzRequests.ts): a wrong type anywhere, a field removed, an
 * extra key (`__proto__` and `constructor` among them, as own keys the way JSON.parse makes them), an item repeated
 * in a list, a string around the 64 KB body limit, deep nesting. Each gives the JSON text to send and what it did.
 */
const wrongValues: unknown[] = [
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  '',
  'x',
  '楼',
  null,
  [],
  {},
  [1, 'a'],
  { a: 1 },
  [[[]]],
  'constructor',
  '__proto__',
]
const extraKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'extra',
  '',
  '楼',
  'a.b',
  '$where',
]
// Around the 64 KB body limit, in characters of 1, 3 and 4 bytes.
const hugeBytes = [60_000, 65_400, 65_536 - 40, 65_537, 70_000, 200_000]
const hugeUnits = [
  { char: 'a', bytes: 1 },
  { char: '楼', bytes: 3 },
  { char: '😀', bytes: 4 },
]

type Json = unknown
type Path = (string | number)[]
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v)
const pathsOf = (v: Json, at: Path = [], out: Path[] = []): Path[] => {
  out.push(at)
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...at, i], out))
  else if (isObject(v)) for (const k of Object.keys(v)) pathsOf(v[k], [...at, k], out)
  return out
}
const getAt = (v: Json, path: Path): Json => path.reduce<Json>((x, k) => (x as any)?.[k], v)
/** Sets a value at a path (the root is replaced); an own data property even for `__proto__`, as JSON.parse makes it. */
const setAt = (root: Json, path: Path, value: Json): Json => {
  if (!path.length) return value
  const parent = getAt(root, path.slice(0, -1)) as any
  Object.defineProperty(parent, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true })
  return root
}
const removeAt = (root: Json, path: Path): Json => {
  const parent = getAt(root, path.slice(0, -1)) as any
  if (Array.isArray(parent)) parent.splice(path.at(-1) as number, 1)
  else delete parent[path.at(-1)!]
  return root
}

const DEEP = '\u0000DEEP\u0000'
interface Mutation {
  kind: 'wrongType' | 'remove' | 'extra' | 'repeat' | 'huge' | 'deep'
  pick: number
  value: Json
  key: string
  bytes: number
  unit: { char: string; bytes: number }
  depth: number
}
export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('wrongType', 'remove', 'extra', 'repeat', 'huge', 'deep'),
  pick: fc.nat(),
  value: fc.constantFrom(...wrongValues),
  key: fc.constantFrom(...extraKeys),
  bytes: fc.constantFrom(...hugeBytes),
  unit: fc.constantFrom(...hugeUnits),
  depth: fc.constantFrom(64, 1_000, 20_000),
})

/** One mutation of a valid body, as the JSON text sent, and what it did. */
export const mutate = (valid: Json, m: Mutation): { rawBody: string; label: string } => {
  let body: Json = valid === undefined ? {} : JSON.parse(JSON.stringify(valid))
  const paths = pathsOf(body)
  const pick = <T>(list: T[]) => list[m.pick % list.length]
  const where = (p: Path | undefined) => (p?.length ? p.join('.') : 'the body')
  switch (m.kind) {
    case 'wrongType': {
      const p = pick(paths)!
      return { rawBody: JSON.stringify(setAt(body, p, m.value)), label: `${where(p)} = ${JSON.stringify(m.value)}` }
    }
    case 'remove': {
      const p = pick(paths.filter((x) => x.length))
      if (p) body = removeAt(body, p)
      return { rawBody: JSON.stringify(body), label: `without ${where(p)}` }
    }
    case 'extra': {
      const objects = paths.filter((p) => isObject(getAt(body, p)))
      const p = pick(objects)
      if (p) setAt(getAt(body, p), [m.key], m.value)
      return {
        rawBody: JSON.stringify(p ? body : { [m.key]: m.value }),
        label: `${where(p)} with extra key ${JSON.stringify(m.key)}`,
      }
    }
    case 'repeat': {
      // The same item twice in a list (a set of ids, photos, topics): two writes of one item in a transaction.
      const lists = paths.filter((p) => Array.isArray(getAt(body, p)) && (getAt(body, p) as Json[]).length > 0)
      const p = pick(lists)
      if (p) (getAt(body, p) as Json[]).push((getAt(body, p) as Json[])[m.pick % (getAt(body, p) as Json[]).length])
      return {
        rawBody: JSON.stringify(body),
        label: p ? `${where(p)} with an item repeated` : 'no list to repeat an item of',
      }
    }
    case 'huge': {
      const strings = paths.filter((p) => typeof getAt(body, p) === 'string')
      const p = pick(strings.length ? strings : paths)!
      const s = m.unit.char.repeat(Math.ceil(m.bytes / m.unit.bytes))
      return {
        rawBody: JSON.stringify(setAt(body, p, s)),
        label: `${where(p)} = ${m.unit.char} × ${s.length / m.unit.char.length} (${m.bytes} bytes)`,
      }
    }
    case 'deep': {
      const p = pick(paths)!
      const open = m.pick % 2 ? '[' : '{"a":'
      const close = m.pick % 2 ? ']' : '}'
      const nested = `${open.repeat(m.depth)}1${close.repeat(m.depth)}`
      return {
        rawBody: JSON.stringify(setAt(body, p, DEEP)).replace(JSON.stringify(DEEP), nested),
        label: `${where(p)} nested ${m.depth} deep`,
      }
    }
  }
}
