import { describe, expect, it } from 'vitest'
import { checkGridEdges } from '../../functions/src/domain/structure/gridRules'
import { covers, type Grant, type PlaceRef } from '../../functions/src/domain/shared/places'
import { DomainError } from '../../functions/src/domain/shared/errors'

const building = (id: string, gridId?: string): PlaceRef => ({
  type: 'building',
  id,
  name: id,
  path: `street:S/community:C/compound:P/building:${id}`,
  ...(gridId ? { gridId } : {}),
})
const grant = (role: Grant['role'], placeType: Grant['placeType'], placeId: string, placePath: string): Grant => ({
  role,
  placeType,
  placeId,
  placeName: placeId,
  placePath,
})

describe('who reaches which place', () => {
  it('a building head reaches their own building and its households, not the next building', () => {
    const head = grant('buildingHead', 'building', 'B1', 'street:S/community:C/compound:P/building:B1')
    expect(covers(head, building('B1'))).toBe(true)
    expect(
      covers(head, {
        ...building('B1'),
        type: 'household',
        id: 'H',
        path: 'street:S/community:C/compound:P/building:B1/household:H',
      }),
    ).toBe(true)
    expect(covers(head, building('B10'))).toBe(false)
    expect(covers(head, building('B2'))).toBe(false)
  })
  it('a grid worker reaches the buildings currently in their grid', () => {
    const worker = grant('gridWorker', 'grid', 'G1', 'street:S/community:C/grid:G1')
    expect(covers(worker, building('B1', 'G1'))).toBe(true)
    expect(covers(worker, building('B2', 'G2'))).toBe(false)
    expect(covers(worker, building('B3'))).toBe(false)
  })
  it('a community admin reaches everything in the community, nothing outside', () => {
    const admin = grant('communityAdmin', 'community', 'C', 'street:S/community:C')
    expect(covers(admin, building('B1'))).toBe(true)
    expect(covers(admin, { type: 'community', id: 'C2', name: '', path: 'street:S/community:C2' })).toBe(false)
  })
})

describe('grid edges follow compound edges', () => {
  const b = (buildingId: string, compoundId: string) => ({ buildingId, compoundId, communityId: 'C', name: buildingId })
  const all = [b('A1', 'A'), b('A2', 'A'), b('B1', 'B'), b('B2', 'B')]
  const code = (f: () => void) => {
    try {
      f()
      return 'ok'
    } catch (e) {
      return (e as DomainError).code
    }
  }
  it('accepts part of one compound, or whole compounds together', () => {
    expect(code(() => checkGridEdges('C', [all[0]!], all))).toBe('ok')
    expect(code(() => checkGridEdges('C', all, all))).toBe('ok')
  })
  it('refuses a grid that cuts two compounds or leaves its community', () => {
    expect(code(() => checkGridEdges('C', [all[0]!, all[2]!, all[3]!], all))).toBe('grid.compoundMismatch')
    expect(code(() => checkGridEdges('C', [{ ...all[0]!, communityId: 'X' }], all))).toBe('grid.compoundMismatch')
  })
})
