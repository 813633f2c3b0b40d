import { describe, expect, it } from 'vitest'
import { newCardNo, readCardCode, signCardCode } from '../../functions/src/domain/grids/cardCode'

describe('card code', () => {
  const secret = 'unit-secret'
  it('fits WeChat’s 32-character scene and reads back to its card number', () => {
    const cardNo = newCardNo()
    const code = signCardCode(secret, cardNo)
    expect(code.length).toBeLessThanOrEqual(32)
    expect(code).toMatch(/^[0-9a-z]+$/)
    expect(readCardCode(secret, code)).toBe(cardNo)
  })
  it('reads nothing from a code signed with another key or altered anywhere', () => {
    const code = signCardCode(secret, newCardNo())
    expect(readCardCode('other-secret', code)).toBeUndefined()
    for (let i = 0; i < code.length; i++) {
      const altered = code.slice(0, i) + (code[i] === 'z' ? 'y' : 'z') + code.slice(i + 1)
      expect(readCardCode(secret, altered)).toBeUndefined()
    }
    expect(readCardCode(secret, '')).toBeUndefined()
    expect(readCardCode(secret, code + 'a')).toBeUndefined()
  })
})
