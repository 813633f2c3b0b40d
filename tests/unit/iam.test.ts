import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkRole, readRole, scanSources, scanTree, type Statement } from '../helpers/iam'

const root = join(__dirname, '../..')
const role = readRole(readFileSync(join(root, 'serverless.yml'), 'utf8'))
const uses = scanTree(root, 'functions/src')

const withoutAction = (statements: Statement[], action: string): Statement[] =>
  statements
    .map((st) => ({ ...st, Action: (Array.isArray(st.Action) ? st.Action : [st.Action]).filter((a) => a !== action) }))
    .filter((st) => st.Action.length > 0)

describe("the functions' role grants what the code calls, and nothing more", () => {
  it('grants every DynamoDB, S3 and SSM action the functions use, only on our table, bucket and parameters, and none they do not use', () => {
    const findings = checkRole(role, uses)
    expect(findings.missing, 'used by the code, missing from provider.iam.role in serverless.yml').toEqual([])
    expect(findings.unused, 'granted by serverless.yml, used by nothing in functions/src').toEqual([])
    expect(findings.tooBroad).toEqual([])
  })

  it('finds the calls in the code (the scan is not blind)', () => {
    const services = new Set(uses.map((u) => u.action.split(':')[0]))
    expect([...services].sort()).toEqual(['dynamodb', 's3', 'ssm'])
  })

  it('reports a gap when any one action is taken out of the role', () => {
    const granted = [...new Set(role.flatMap((st) => (Array.isArray(st.Action) ? st.Action : [st.Action])))]
    expect(granted.length).toBeGreaterThan(0)
    const before = new Set(checkRole(role, uses).missing.map((m) => m.action))
    for (const action of granted) {
      const after = checkRole(withoutAction(role, action), uses).missing.map((m) => m.action)
      expect(
        after.filter((a) => !before.has(a)),
        `removing ${action}`,
      ).toEqual([action])
    }
  })

  it('reports an action nobody uses, and a resource wider than ours', () => {
    const extra = [
      ...role,
      { Effect: 'Allow', Action: ['dynamodb:Scan'], Resource: [{ 'Fn::GetAtt': ['GridLinkTable', 'Arn'] }] },
    ]
    const unusedBefore = new Set(checkRole(role, uses).unused)
    expect(checkRole(extra, uses).unused.filter((a) => !unusedBefore.has(a))).toEqual(['dynamodb:Scan'])
    const wide = role.map((st) => ({ ...st, Resource: '*' }))
    expect(checkRole(wide, uses).tooBroad.length).toBeGreaterThan(0)
    const wildcard = [
      ...role,
      { Effect: 'Allow', Action: 's3:*', Resource: [{ 'Fn::GetAtt': ['PhotoBucket', 'Arn'] }] },
    ]
    expect(checkRole(wildcard, uses).tooBroad).toContain('s3:*: a wildcard action')
  })
})

describe('the scan of the source', () => {
  const scan = (files: Record<string, string>) =>
    [...new Set(scanSources(Object.entries(files).map(([file, text]) => ({ file, text }))).map((u) => u.action))].sort()

  it('maps toolbox commands, transactions inside executeTransactWrite, batches and access-pattern queries across files', () => {
    const actions = scan({
      'a/patterns.ts': `import { TableAccessPattern as AP } from 'dynamodb-toolbox'
        export const byUser = T.build(AP).schema(s).pattern((id) => ({ partition: id }))
        const make = () => T.build(AP)
        export const byPlace = make().meta({ title: 'x' })`,
      'b/store.ts': `import { ConditionCheck, DeleteTransaction, executeTransactWrite, BatchWriteCommand, BatchPutRequest, GetItemCommand } from 'dynamodb-toolbox'
        import { byUser, byPlace } from '../a/patterns'
        export const f = async () => {
          await E.build(GetItemCommand).key({}).send()
          await executeTransactWrite(E.build(ConditionCheck).key({}), E.build(DeleteTransaction).key({}))
          await T.build(BatchWriteCommand).requests(E.build(BatchPutRequest).item({}))
          await byUser.query('u').send()
          await byPlace.query('p').send()
        }`,
    })
    expect(actions).toEqual([
      'dynamodb:BatchWriteItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:Query',
    ])
  })

  it('maps AWS SDK commands, presigned or sent, and HeadObject to s3:GetObject', () => {
    const actions = scan({
      'photos.ts': `import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
        import * as ssm from '@aws-sdk/client-ssm'
        import { BatchGetCommand } from '@aws-sdk/lib-dynamodb'
        getSignedUrl(c, new PutObjectCommand({})); getSignedUrl(c, new GetObjectCommand({})); c.send(new HeadObjectCommand({}))
        new ssm.SSMClient({}).send(new ssm.GetParametersCommand({})); doc.send(new BatchGetCommand({}))`,
    })
    expect(actions).toEqual(['dynamodb:BatchGetItem', 's3:GetObject', 's3:PutObject', 'ssm:GetParameters'])
  })

  it('ignores type-only and unused imports, and refuses an operation it cannot map', () => {
    expect(
      scan({
        'x.ts': `import type { QueryCommand } from 'dynamodb-toolbox'\nimport { ScanCommand } from 'dynamodb-toolbox'\nlet q: QueryCommand`,
      }),
    ).toEqual([])
    expect(() =>
      scan({
        'y.ts': `import { TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb'\nnew TransactWriteItemsCommand({})`,
      }),
    ).toThrow(/TransactWriteItems/)
    expect(() =>
      scan({ 'z.ts': `import { NewThingCommand } from 'dynamodb-toolbox'\nE.build(NewThingCommand)` }),
    ).toThrow(/NewThingCommand/)
    expect(() =>
      scan({ 'w.ts': `import { makeIdempotent } from '@aws-lambda-powertools/idempotency'\nmakeIdempotent(f)` }),
    ).toThrow(/calls AWS itself/)
  })

  it('reads the short CloudFormation forms in serverless.yml', () => {
    const statements = readRole(
      `provider:\n  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: [s3:GetObject]\n          Resource: [!Join ['', [!GetAtt PhotoBucket.Arn, '/uploads/*']]]\n`,
    )
    expect(statements[0]!.Resource).toEqual([
      { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['PhotoBucket', 'Arn'] }, '/uploads/*']] },
    ])
  })
})
