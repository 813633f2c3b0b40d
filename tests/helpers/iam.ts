import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { parse, type Tags } from 'yaml'

/**
 * What the functions ask of AWS, read from their source, and what their role in serverless.yml allows.
 * DynamoDB Local, s3rver and the env-var secrets check no IAM, so a missing action shows only on AWS (opening a
 * poll failed there with AccessDenied on BatchWriteItem); this derives the actions instead of listing them by hand.
 *
 * The scan reads every .ts file under a folder (wherever storage code lives): the names imported from
 * dynamodb-toolbox and @aws-sdk/* that are operations, and the `.query()` calls on the access patterns built
 * with the toolbox. An operation it does not know fails the scan, so a new kind of call is mapped, not missed.
 */

export interface Use {
  action: string
  at: string
}

/** dynamodb-toolbox's commands, transactions (inside executeTransactWrite/Get: one IAM item action each) and batch requests. */
const TOOLBOX: Record<string, string[]> = {
  GetItemCommand: ['dynamodb:GetItem'],
  PutItemCommand: ['dynamodb:PutItem'],
  UpdateItemCommand: ['dynamodb:UpdateItem'],
  UpdateAttributesCommand: ['dynamodb:UpdateItem'],
  DeleteItemCommand: ['dynamodb:DeleteItem'],
  QueryCommand: ['dynamodb:Query'],
  ScanCommand: ['dynamodb:Scan'],
  GetTransaction: ['dynamodb:GetItem'],
  PutTransaction: ['dynamodb:PutItem'],
  UpdateTransaction: ['dynamodb:UpdateItem'],
  DeleteTransaction: ['dynamodb:DeleteItem'],
  ConditionCheck: ['dynamodb:ConditionCheckItem'],
  BatchWriteCommand: ['dynamodb:BatchWriteItem'],
  BatchPutRequest: ['dynamodb:BatchWriteItem'],
  BatchDeleteRequest: ['dynamodb:BatchWriteItem'],
  executeBatchWrite: ['dynamodb:BatchWriteItem'],
  BatchGetCommand: ['dynamodb:BatchGetItem'],
  BatchGetRequest: ['dynamodb:BatchGetItem'],
  executeBatchGet: ['dynamodb:BatchGetItem'],
  // Runs the transactions above; the IAM actions are theirs (TransactWriteItems has no action of its own).
  executeTransactWrite: [],
  executeTransactGet: [],
}
/** Toolbox names that build access patterns; `.query()` on one is a Query. */
const ACCESS_PATTERN_BUILDERS = new Set(['TableAccessPattern', 'EntityAccessPattern', 'AccessPattern'])
/** The Document client's commands (@aws-sdk/lib-dynamodb), named unlike the low-level ones. */
const DOCUMENT_CLIENT: Record<string, string> = {
  GetCommand: 'GetItem',
  PutCommand: 'PutItem',
  UpdateCommand: 'UpdateItem',
  DeleteCommand: 'DeleteItem',
  QueryCommand: 'Query',
  ScanCommand: 'Scan',
  BatchGetCommand: 'BatchGetItem',
  BatchWriteCommand: 'BatchWriteItem',
}
/** SDK commands whose IAM action has another name (HeadObject needs s3:GetObject; listing a bucket is s3:ListBucket). */
const SDK_RENAMED: Record<string, string> = {
  's3:HeadObject': 's3:GetObject',
  's3:ListObjectsV2': 's3:ListBucket',
  's3:ListObjects': 's3:ListBucket',
  's3:HeadBucket': 's3:ListBucket',
}
/** SDK commands that need more than one action, or one decided by their input: map them before using them. */
const SDK_UNMAPPABLE = new Set([
  'dynamodb:TransactWriteItems',
  'dynamodb:TransactGetItems',
  'dynamodb:ExecuteStatement',
  'dynamodb:BatchExecuteStatement',
  'dynamodb:TransactWrite',
  'dynamodb:TransactGet',
  's3:CopyObject',
])
/** Libraries that call AWS on their own, out of sight of this scan. */
const CALLS_AWS_ITSELF = [/^aws-sdk$/, /^@aws-lambda-powertools\/(idempotency|parameters|batch)/]

const isOperationName = (name: string) =>
  /(Command|Transaction|Request)$/.test(name) || name === 'ConditionCheck' || /^execute[A-Z]/.test(name)

export const listTsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort()

interface Source {
  file: string
  text: string
}

const lineOf = (sf: ts.SourceFile, node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1

const walk = (node: ts.Node, visit: (n: ts.Node) => void) => {
  visit(node)
  node.forEachChild((child) => walk(child, visit))
}

/** Local name → [module, imported name] for every value import of a file. */
const importsOf = (sf: ts.SourceFile) => {
  const named = new Map<string, { module: string; name: string }>()
  const namespaces = new Map<string, string>()
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || st.importClause?.isTypeOnly) continue
    const module = st.moduleSpecifier.text
    const bindings = st.importClause?.namedBindings
    if (bindings && ts.isNamespaceImport(bindings)) namespaces.set(bindings.name.text, module)
    if (bindings && ts.isNamedImports(bindings))
      for (const el of bindings.elements)
        if (!el.isTypeOnly) named.set(el.name.text, { module, name: (el.propertyName ?? el.name).text })
  }
  return { named, namespaces }
}

/** The actions one imported name stands for; throws for an operation nobody mapped yet. */
const actionsFor = (module: string, name: string, at: string): string[] | undefined => {
  if (CALLS_AWS_ITSELF.some((re) => re.test(module)))
    throw new Error(`${at}: ${module} calls AWS itself; map its IAM actions in tests/helpers/iam.ts`)
  if (module === 'dynamodb-toolbox') {
    if (TOOLBOX[name]) return TOOLBOX[name]
    if (isOperationName(name))
      throw new Error(`${at}: dynamodb-toolbox's ${name} is not mapped to IAM actions in tests/helpers/iam.ts`)
    return undefined
  }
  if (!module.startsWith('@aws-sdk/') || !name.endsWith('Command')) return undefined
  if (module === '@aws-sdk/lib-dynamodb') {
    if (DOCUMENT_CLIENT[name]) return [`dynamodb:${DOCUMENT_CLIENT[name]}`]
    throw new Error(`${at}: ${name} from @aws-sdk/lib-dynamodb is not mapped to IAM actions in tests/helpers/iam.ts`)
  }
  const service = module.replace('@aws-sdk/client-', '')
  if (service === module) return undefined
  const action = `${service}:${name.replace(/Command$/, '')}`
  if (SDK_UNMAPPABLE.has(action))
    throw new Error(`${at}: ${action} needs the IAM actions of what it carries; map it in tests/helpers/iam.ts`)
  return [SDK_RENAMED[action] ?? action]
}

/** Every AWS action the sources use, with where. */
export const scanSources = (sources: Source[]): Use[] => {
  const parsed = sources.map((s) => ({ ...s, sf: ts.createSourceFile(s.file, s.text, ts.ScriptTarget.Latest, true) }))
  const uses: Use[] = []

  // Pass 1: the access patterns, by the name they are declared under (used from other files).
  const patterns = new Set<string>()
  const declarations: { name: string; initializer: ts.Expression }[] = []
  for (const { sf } of parsed) {
    const { named, namespaces } = importsOf(sf)
    const isBuilder = (e: ts.Expression) =>
      (ts.isIdentifier(e) &&
        named.get(e.text)?.module === 'dynamodb-toolbox' &&
        ACCESS_PATTERN_BUILDERS.has(named.get(e.text)!.name)) ||
      (ts.isPropertyAccessExpression(e) &&
        ts.isIdentifier(e.expression) &&
        namespaces.get(e.expression.text) === 'dynamodb-toolbox' &&
        ACCESS_PATTERN_BUILDERS.has(e.name.text))
    walk(sf, (n) => {
      if (!(ts.isVariableDeclaration(n) || ts.isPropertyAssignment(n)) || !ts.isIdentifier(n.name) || !n.initializer)
        return
      let buildsPattern = false
      walk(n.initializer, (m) => {
        if (
          ts.isCallExpression(m) &&
          ts.isPropertyAccessExpression(m.expression) &&
          m.expression.name.text === 'build' &&
          m.arguments.some(isBuilder)
        )
          buildsPattern = true
      })
      if (buildsPattern) patterns.add(n.name.text)
      else declarations.push({ name: n.name.text, initializer: n.initializer })
    })
  }
  // Patterns made by a helper that builds them (`const byUser = pattern(...)`): follow the calls until nothing changes.
  for (let grew = true; grew;) {
    grew = false
    for (const d of declarations) {
      let callee: ts.Expression = d.initializer
      while (ts.isCallExpression(callee) || ts.isPropertyAccessExpression(callee)) callee = callee.expression
      if (ts.isIdentifier(callee) && callee !== d.initializer && patterns.has(callee.text) && !patterns.has(d.name)) {
        patterns.add(d.name)
        grew = true
      }
    }
  }

  // Pass 2: operations referenced (not merely imported), and queries on the access patterns.
  for (const { file, sf } of parsed) {
    const { named, namespaces } = importsOf(sf)
    const at = (n: ts.Node) => `${file}:${lineOf(sf, n)}`
    walk(sf, (n) => {
      if (ts.isImportDeclaration(n)) return
      if (ts.isIdentifier(n) && named.has(n.text) && !ts.isImportSpecifier(n.parent)) {
        const parent = n.parent
        const isPropertyName =
          (ts.isPropertyAccessExpression(parent) && parent.name === n) ||
          (ts.isPropertyAssignment(parent) && parent.name === n)
        if (isPropertyName) return
        const imp = named.get(n.text)!
        for (const action of actionsFor(imp.module, imp.name, at(n)) ?? []) uses.push({ action, at: at(n) })
      }
      if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && namespaces.has(n.expression.text)) {
        for (const action of actionsFor(namespaces.get(n.expression.text)!, n.name.text, at(n)) ?? [])
          uses.push({ action, at: at(n) })
      }
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'query') {
        const receiver = n.expression.expression
        const name = ts.isIdentifier(receiver)
          ? receiver.text
          : ts.isPropertyAccessExpression(receiver)
            ? receiver.name.text
            : undefined
        if (name && patterns.has(name)) uses.push({ action: 'dynamodb:Query', at: at(n) })
      }
    })
  }
  return uses
}

export const scanTree = (root: string, dir: string): Use[] =>
  scanSources(listTsFiles(join(root, dir)).map((f) => ({ file: relative(root, f), text: readFileSync(f, 'utf8') })))

// --- The role --------------------------------------------------------------------------------------------------

export interface Statement {
  Effect: string
  Action: string | string[]
  Resource: unknown
}

/** CloudFormation's short forms (`!GetAtt Table.Arn`), read as their long forms. */
const cfnTags: Tags = [
  'Ref',
  'Sub',
  'GetAtt',
  'Join',
  'Select',
  'Split',
  'If',
  'Equals',
  'Not',
  'And',
  'Or',
  'ImportValue',
  'FindInMap',
  'Base64',
  'GetAZs',
  'Condition',
].flatMap((name) => {
  const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`
  const wrap = (value: unknown) => ({
    [key]: name === 'GetAtt' && typeof value === 'string' ? value.split('.') : value,
  })
  return [
    { tag: `!${name}`, resolve: (value: string) => wrap(value) },
    { tag: `!${name}`, collection: 'seq' as const, resolve: (seq: { toJSON(): unknown }) => wrap(seq.toJSON()) },
    { tag: `!${name}`, collection: 'map' as const, resolve: (map: { toJSON(): unknown }) => wrap(map.toJSON()) },
  ]
})

export const readRole = (serverlessYml: string): Statement[] => {
  const doc = parse(serverlessYml, { customTags: cfnTags }) as {
    provider?: { iam?: { role?: { statements?: Statement[] } } }
  }
  return doc.provider?.iam?.role?.statements ?? []
}

/** Which resource a service's actions must be limited to (the names in the role's Resource, never `*`). */
export const RESOURCE_OF: Record<string, string> = {
  dynamodb: 'GridLinkTable',
  s3: 'PhotoBucket',
  ssm: ':parameter/gridlink/',
}

export interface Findings {
  /** Used by the code and not granted (each with where it is used). */
  missing: { action: string; at: string[] }[]
  /** Granted and used by nothing. */
  unused: string[]
  /** Wildcards, or a resource wider than the service's own. */
  tooBroad: string[]
}

export const checkRole = (statements: Statement[], uses: Use[]): Findings => {
  const granted = new Map<string, string[]>()
  const tooBroad: string[] = []
  for (const st of statements) {
    if (st.Effect !== 'Allow') continue
    const actions = Array.isArray(st.Action) ? st.Action : [st.Action]
    const resources = (Array.isArray(st.Resource) ? st.Resource : [st.Resource]).map((r) => JSON.stringify(r))
    for (const action of actions) {
      if (action.includes('*')) tooBroad.push(`${action}: a wildcard action`)
      const token = RESOURCE_OF[action.split(':')[0]!]
      const wide = resources.filter((r) => r === '"*"' || !token || !r.includes(token))
      if (wide.length)
        tooBroad.push(
          `${action} on ${wide.join(', ')} (expected only resources naming ${token ?? 'a resource of ours'})`,
        )
      granted.set(action, [...(granted.get(action) ?? []), ...resources])
    }
  }
  const used = new Map<string, string[]>()
  for (const u of uses) used.set(u.action, [...(used.get(u.action) ?? []), u.at])
  return {
    missing: [...used].filter(([a]) => !granted.has(a)).map(([action, at]) => ({ action, at })),
    unused: [...granted.keys()].filter((a) => !used.has(a)),
    tooBroad,
  }
}
