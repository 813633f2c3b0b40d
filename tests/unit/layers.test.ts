import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/*
 * The layering of the backend, read from the source: the import graph of functions/src and contracts/ (every
 * import, export-from, dynamic import and require with a relative path, type-only ones included, since a type
 * cycle is still a knot a reader must untie), checked against the rules of the backend's shape.
 */
const root = resolve(__dirname, '../..')
const scanned = ['functions/src', 'contracts']

/**
 * The shared modules of domain/: used by every capability, and using none (CONVENTIONS.md, "Shared things are
 * used, never users"). identity and structure are who and where everyone is; shared holds errors, outcomes and
 * places; notifications, schedule and uploads serve any capability's notices, due work and photos; moderation
 * screens and holds any capability's texts and photos (content safety); the points
 * ledger that volunteering and wishes credit through is shared when it lands; home composes 首页 from the 待办 each
 * capability offers through its port (the wiring lists them). Every other folder of domain/ is a
 * capability (deliberation, grids, pointsBank, volunteering, microWishes, … and whatever is added next).
 */
const sharedDomains = new Set([
  'shared',
  'identity',
  'structure',
  'notifications',
  'schedule',
  'uploads',
  'moderation',
  'ledger',
  'home',
])
/**
 * The stores a capability's storage may use beside its own: the shared aggregates (a capability's transaction may
 * carry a notice, a due item or a ledger entry, and reads places and people) and the top-level storage files
 * (table, client, transactions, batch), which are the plumbing every store shares.
 */
const sharedStorage = new Set(['structure', 'identity', 'notifications', 'schedule', 'moderation', 'ledger'])
/** What domain/ must never import: rules know nothing of storage, HTTP, the outside world or the Lambda entry points. */
const outsideDomain = [
  'functions/src/storage/',
  'functions/src/http/',
  'functions/src/adapters/',
  'functions/src/handlers/',
]

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx|cjs|mjs|js)$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })

const resolveImport = (from: string, spec: string): string | undefined => {
  const base = join(dirname(join(root, from)), spec)
  const candidates = [
    base,
    ...['.ts', '.tsx', '.cjs', '.mjs', '.js', '.json'].map((e) => base + e),
    ...['index.ts', 'index.tsx', 'index.js'].map((i) => join(base, i)),
  ]
  const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile())
  return hit && relative(root, hit).split('\\').join('/')
}

/** Every file's relative imports, resolved to files; an import that resolves to nothing is reported too. */
const buildGraph = () => {
  const graph = new Map<string, string[]>()
  const unresolved: string[] = []
  for (const file of scanned.flatMap(sourceFiles)) {
    const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true)
    const targets: string[] = []
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) continue
      const target = resolveImport(file, fileName)
      if (target) targets.push(target)
      else unresolved.push(`${file} → ${fileName}`)
    }
    graph.set(file, [...new Set(targets)])
  }
  return { graph, unresolved }
}

/** Tarjan's strongly connected components; each component of more than one file (or a file importing itself) holds a cycle. */
const cycles = (graph: Map<string, string[]>): string[][] => {
  let index = 0
  const idx = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (v: string) => {
    idx.set(v, index)
    low.set(v, index++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!))
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component)
    }
  }
  for (const v of graph.keys()) if (!idx.has(v)) visit(v)
  return found.map((component) => cycleThrough(graph, new Set(component)))
}

/** One concrete cycle inside a strongly connected component, to print: a → b → … → a. */
const cycleThrough = (graph: Map<string, string[]>, component: Set<string>): string[] => {
  const start = [...component].sort()[0]!
  const previous = new Map<string, string>()
  const queue = [start]
  while (queue.length) {
    const v = queue.shift()!
    for (const w of graph.get(v) ?? []) {
      if (!component.has(w)) continue
      if (w === start) {
        const path = [v]
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!)
        return [...path, start]
      }
      if (!previous.has(w) && w !== start) {
        previous.set(w, v)
        queue.push(w)
      }
    }
  }
  return [...component]
}

/** `<prefix><name>/…` → name (undefined for a file directly in the folder, or outside it). */
const folderUnder = (prefix: string, file: string): string | undefined => {
  if (!file.startsWith(prefix)) return undefined
  const parts = file.slice(prefix.length).split('/')
  return parts.length > 1 ? parts[0] : undefined
}
const domainOf = (file: string) => folderUnder('functions/src/domain/', file)
const storageOf = (file: string) => folderUnder('functions/src/storage/', file)

type Edge = { from: string; to: string }
/** The edges that break each rule of the layering. */
const violations = (edges: Edge[]) => ({
  domainReachesOut: edges.filter(
    (e) => domainOf(e.from) !== undefined && outsideDomain.some((p) => e.to.startsWith(p)),
  ),
  sharedUsesCapability: edges.filter((e) => {
    const [from, to] = [domainOf(e.from), domainOf(e.to)]
    return from !== undefined && sharedDomains.has(from) && to !== undefined && !sharedDomains.has(to)
  }),
  capabilityUsesCapability: edges.filter((e) => {
    const [from, to] = [domainOf(e.from), domainOf(e.to)]
    return from !== undefined && !sharedDomains.has(from) && to !== undefined && to !== from && !sharedDomains.has(to)
  }),
  storageCrosses: edges.filter((e) => {
    const [from, to] = [storageOf(e.from), storageOf(e.to)]
    return from !== undefined && to !== undefined && to !== from && !sharedStorage.has(to)
  }),
})

const { graph, unresolved } = buildGraph()
const edges = [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })))
const found = violations(edges)
const show = (list: Edge[]) => list.map((e) => `${e.from} → ${e.to}`)

describe('the layering of functions/ and contracts/', () => {
  it('reads the whole source (sanity: the graph is not empty and every relative import resolves)', () => {
    expect(graph.size).toBeGreaterThan(50)
    expect(edges.length).toBeGreaterThan(100)
    expect(graph.has('functions/src/domain/deliberation/states.ts')).toBe(true)
    expect(unresolved).toEqual([])
  })

  it('has no import cycle', () => {
    expect(cycles(graph).map((c) => c.join(' → '))).toEqual([])
  })

  it('keeps domain/ free of storage, http, adapters and handlers', () => {
    expect(show(found.domainReachesOut)).toEqual([])
  })

  it('lets the shared domain modules import no capability', () => {
    expect(show(found.sharedUsesCapability)).toEqual([])
  })

  it("lets a capability's domain use shared modules only, never another capability's domain", () => {
    expect(show(found.capabilityUsesCapability)).toEqual([])
  })

  it("lets a capability's storage use its own, the shared stores and the top-level storage files only", () => {
    expect(show(found.storageCrosses)).toEqual([])
  })

  it('would catch each kind of violation (the checks run on a made-up graph)', () => {
    const fake = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['d.ts']],
      ['e.ts', ['a.ts']],
    ])
    expect(
      cycles(fake)
        .map((c) => c.join(' → '))
        .sort(),
    ).toEqual(['a.ts → b.ts → c.ts → a.ts', 'd.ts → d.ts'])
    const d = (f: string) => `functions/src/domain/${f}`
    const s = (f: string) => `functions/src/storage/${f}`
    const fakeEdges: Edge[] = [
      { from: d('pointsBank/redeem.ts'), to: s('pointsBank/store.ts') },
      { from: d('deliberation/view.ts'), to: 'functions/src/http/router.ts' },
      { from: d('notifications/deliver.ts'), to: d('deliberation/model.ts') },
      { from: d('schedule/tick.ts'), to: d('microWishes/jobs.ts') },
      { from: d('microWishes/claim.ts'), to: d('volunteering/activity.ts') },
      { from: s('volunteering/store.ts'), to: s('pointsBank/store.ts') },
      // allowed: a capability uses shared modules, its own files, the shared stores and the storage plumbing
      { from: d('microWishes/claim.ts'), to: d('ledger/credit.ts') },
      { from: d('microWishes/claim.ts'), to: d('microWishes/model.ts') },
      { from: d('notifications/deliver.ts'), to: d('shared/places.ts') },
      { from: s('volunteering/store.ts'), to: s('ledger/entries.ts') },
      { from: s('volunteering/store.ts'), to: s('transactions.ts') },
      { from: s('volunteering/store.ts'), to: d('volunteering/ports.ts') },
    ]
    const v = violations(fakeEdges)
    expect(Object.fromEntries(Object.entries(v).map(([rule, list]) => [rule, show(list)]))).toEqual({
      domainReachesOut: show([fakeEdges[0]!, fakeEdges[1]!]),
      sharedUsesCapability: show([fakeEdges[2]!, fakeEdges[3]!]),
      capabilityUsesCapability: show([fakeEdges[4]!]),
      storageCrosses: show([fakeEdges[5]!]),
    })
  })
})
