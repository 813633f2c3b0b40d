import { describe, expect, it } from 'vitest'
import { seedDemo } from '../../scripts/lib/seed'
import { call, expectOk } from '../helpers/factories'

describe('the demo community’s wishes', () => {
  it('has wishes on 第一网格’s wall, one fulfilled and thanked, and one waiting for 李红梅 to vet; 刘芳 and 赵磊 are free to post and claim', async () => {
    const { summary } = await seedDemo()
    const login = async (key: string) =>
      expectOk(await call('POST', '/auth/demo-login', { body: { key } })).token as string
    const [worker, member, rep] = [
      await login('gridWorker'),
      await login('inServiceMember'),
      await login('representative'),
    ]
    const open = expectOk(await call('GET', `/grids/${summary.gridIds[0]}/wish-wall`, { token: member })).items
    expect(open.map((c: { title: string }) => c.title)).toEqual(
      expect.arrayContaining(['家里的吸顶灯坏了，想请人换一个', '孙子上学想要一个新书包', '想有人周末陪着下楼走走']),
    )
    expect(open.every((c: { maskedName: string }) => c.maskedName.endsWith('**'))).toBe(true)
    // The grid card counts them (as many as wait on the grid's wall).
    const { code } = expectOk(await call('GET', `/grids/${summary.gridIds[0]}/card-code`, { token: worker }))
    expect(expectOk(await call('GET', `/cards/${code}`)).openCounts.wishes).toBe(open.length)
    const done = expectOk(
      await call('GET', `/communities/${summary.communityId}/wish-wall?show=done`, { token: member }),
    ).items
    expect(done[0]).toMatchObject({
      title: '想要一台能听戏的收音机',
      claimantName: '赵磊',
      thanks: expect.stringContaining('谢谢'),
    })
    const queue = expectOk(await call('GET', '/me/wish-queue', { token: worker }))
    expect(queue.vetting.map((w: { title: string }) => w.title)).toEqual(['老伴腿脚不便，想要一个助行器'])
    expect(expectOk(await call('GET', '/me/wishes', { token: rep })).items).toEqual([])
    expect(expectOk(await call('GET', '/me/wish-claims', { token: member })).record).toMatchObject({
      active: 0,
      fulfilled: 1,
    })
  })
})
