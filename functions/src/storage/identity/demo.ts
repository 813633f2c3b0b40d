import { Entity, item, list, number, string, TableAccessPattern as AccessPattern } from 'dynamodb-toolbox'
import { GridLinkTable as table } from '../table'

/** The local stage's demo identities (never written on other stages) and the seed's marker. */
export const demoKeys = {
  demo: 'DEMO',
  identity: (key: string) => `ID#${key}`,
  seed: 'SEED',
}

export const DemoIdentityEntity = new Entity({
  name: 'DemoIdentity',
  table,
  schema: item({ key: string().key(), userId: string(), label: string(), roles: list(string()), order: number() }),
  computeKey: ({ key }) => ({ pk: demoKeys.demo, sk: demoKeys.identity(key) }),
})

/** Marks a finished seed, so `npm start` run twice seeds once. */
export const SeedMarkerEntity = new Entity({
  name: 'SeedMarker',
  table,
  schema: item({ name: string().key(), at: string(), summaryJson: string() }),
  computeKey: ({ name }) => ({ pk: demoKeys.seed, sk: name }),
})

/** AP9 — the demo identities (local stage only). */
export const demoIdentities = table
  .build(AccessPattern)
  .entities(DemoIdentityEntity)
  .schema(string())
  .pattern(() => ({ partition: demoKeys.demo }))
  .options({ maxPages: Infinity })
  .meta({ title: 'demoIdentities' })
