import { GetItemCommand, PutItemCommand } from 'dynamodb-toolbox'
import { ulid } from 'ulid'
import { deflateSync } from 'node:zlib'
import { topUp } from '../../../functions/src/domain/ledger/transfer'
import { SeedMarkerEntity } from '../../../functions/src/storage/identity/demo'
import { dynamoLedgerStore } from '../../../functions/src/storage/ledger/ledger'
import { dynamoStructureStore as structure } from '../../../functions/src/storage/structure/store'
import { call } from '../invoke'

/**
 * Demo wishes for 幸福里社区, through the same endpoints residents and staff use: three on 第一网格's wall
 * (two posted by 李红梅 for residents who do not use the phone), one fulfilled and thanked (when the photo store
 * is up), and one waiting for her to vet. Its own marker, so a database seeded before wishes existed gets them too.
 * 刘芳 (the representative) and 赵磊 (the in-service member) are left free for the browser tests to post and claim.
 */
export const MICRO_WISHES_SEED = 'demo-micro-wishes'

const ok = <T>(res: { status: number; body: T }, what: string): T => {
  if (res.status >= 300) throw new Error(`seed: ${what} failed with ${res.status}: ${JSON.stringify(res.body)}`)
  return res.body
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff
  for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}
/** A small picture of one warm colour with a lighter band: enough for a card's photo in the demo. */
const demoPng = (rgb: [number, number, number], size = 96) => {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const rows = Buffer.concat(
    Array.from({ length: size }, (_, y) => {
      const light = y > size / 3 && y < (size * 2) / 3
      const row = Buffer.alloc(1 + size * 3)
      for (let x = 0; x < size; x++) row.set(light ? rgb.map((v) => Math.min(255, v + 60)) : rgb, 1 + x * 3)
      return row
    }),
  )
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Uploads a photo as the mini-program does; undefined when the photo store is not running (the bench). */
const upload = async (token: string, rgb: [number, number, number]) => {
  const body = demoPng(rgb)
  const res = await call('POST', '/uploads', { token, body: { contentType: 'image/png', size: body.length } })
  if (res.status >= 300) return undefined
  try {
    const put = await fetch(res.body.uploadUrl, { method: 'PUT', body, headers: res.body.headers })
    return put.ok ? (res.body.key as string) : undefined
  } catch {
    return undefined
  }
}

const day = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)

export const seedMicroWishes = async (s: { communityId: string; buildingIds: string[] }) => {
  const { Item } = await SeedMarkerEntity.build(GetItemCommand)
    .key({ name: MICRO_WISHES_SEED })
    .options({ consistent: true })
    .send()
  if (Item) return false
  const login = async (key: string) =>
    ok(await call('POST', '/auth/demo-login', { body: { key } }), `login ${key}`).token as string
  const [worker, head, member] = [
    await login('gridWorker'),
    await login('buildingHead'),
    await login('inServiceMember'),
  ]
  // The fulfillers' points come from the community's budget.
  await topUp(
    { ledger: dynamoLedgerStore, now: () => new Date() },
    {
      communityId: s.communityId,
      amount: 2000,
      key: 'seed:micro-wishes-budget',
      reason: '微心愿积分预算（演示）',
      by: { userId: 'seed', displayName: '吴主任' },
      at: new Date().toISOString(),
    },
  )
  const household = async (building: number, unit: string, room: string) =>
    (await structure.findHouseholdId(s.buildingIds[building]!, unit, room))!
  const post = async (token: string, body: Record<string, unknown>, rgb?: [number, number, number]) => {
    const photo = rgb ? await upload(token, rgb) : undefined
    return ok(
      await call('POST', '/wishes', {
        token,
        body: { wishId: ulid(), ...(photo ? { photoKeys: [photo] } : {}), ...body },
      }),
      `wish ${body.title}`,
    )
  }
  const publish = async (wishId: string, hardship: string, points: number, note: string) =>
    ok(
      await call('POST', `/wishes/${wishId}/vetting`, {
        token: worker,
        body: { decision: 'publish', method: 'visit', note, hardship, points, claimDays: 7 },
      }),
      'vetting',
    )

  const lamp = await post(
    worker,
    {
      title: '家里的吸顶灯坏了，想请人换一个',
      text: '孙奶奶独居，客厅吸顶灯坏了一个多月，晚上只能摸黑，想请人帮忙买个灯换上。',
      categoryId: 'repair',
      wantedBy: day(10),
      onBehalf: { householdId: await household(0, '2', '302'), residentName: '孙桂兰' },
    },
    [230, 160, 60],
  )
  await publish(lamp.wishId, 'elderlyAlone', 10, '上门看过，灯座完好，只需换灯')
  const walk = await post(worker, {
    title: '想有人周末陪着下楼走走',
    text: '张爷爷腿脚不便，子女在外地，周末想有人扶着下楼晒晒太阳、走一走。',
    categoryId: 'care',
    wantedBy: day(20),
    onBehalf: { householdId: await household(1, '1', '501'), residentName: '张德福' },
  })
  await publish(walk.wishId, 'disability', 15, '电话联系家属核实，老人行动不便')
  const bag = await post(
    head,
    {
      title: '孙子上学想要一个新书包',
      text: '孙子今年上三年级，书包背带断了，家里一时买不起新的，想要一个结实的书包。',
      categoryId: 'study',
      wantedBy: day(14),
    },
    [200, 70, 60],
  )
  await publish(bag.wishId, 'lowIncome', 20, '电话核实，家中有低保证明')

  // One fulfilled and thanked, for the wall's 已实现 (it needs a delivery photo, so only with the photo store up).
  const radio = await post(worker, {
    title: '想要一台能听戏的收音机',
    text: '李大爷眼睛不好，平时就爱听戏，原来的收音机坏了，想要一台简单好用的。',
    categoryId: 'daily',
    wantedBy: day(7),
    onBehalf: { householdId: await household(1, '2', '101'), residentName: '李长顺' },
  })
  await publish(radio.wishId, 'elderlyAlone', 10, '上门走访，老人视力差，独居')
  const delivered = await upload(member, [90, 150, 90])
  if (delivered) {
    ok(await call('POST', `/wishes/${radio.wishId}/claim`, { token: member }), 'claim')
    ok(
      await call('POST', `/wishes/${radio.wishId}/fulfilment`, {
        token: member,
        body: { note: '收音机已送到，调好了戏曲台', photoKeys: [delivered] },
      }),
      'fulfil',
    )
    ok(
      await call('POST', `/wishes/${radio.wishId}/confirmation`, {
        token: worker,
        body: { thanks: '李大爷说：谢谢党员同志，天天都能听戏了！' },
      }),
      'confirm',
    )
  }

  // Waiting for 李红梅 to check.
  await post(head, {
    title: '老伴腿脚不便，想要一个助行器',
    text: '老伴去年摔过一跤，现在下楼买菜很吃力，想要一个带座椅、能折叠的助行器。',
    categoryId: 'mobility',
    wantedBy: day(21),
  })

  await SeedMarkerEntity.build(PutItemCommand)
    .item({ name: MICRO_WISHES_SEED, at: new Date().toISOString(), summaryJson: JSON.stringify({ wishes: 5 }) })
    .send()
  return true
}
