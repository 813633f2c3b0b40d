import { householdLabelOf } from './residents'
import type { Actor } from '../identity/actor'
import { beijingYearOf, beijingYearStart, entriesBack, expiringNext } from '../ledger/expiry'
import { residentAccount } from '../ledger/model'
import { found } from '../shared/errors'
import { residentCommunity } from './access'
import type { PassbookPrinter, PointsBankDeps } from './ports'
import { pointsSettingsFor } from './settings'
import { passbookEntry } from './views'

/** 我的积分: the balance (the account's head, which the daily reconciliation checks against its entries), what expires next, the rules. */
export const getMyPoints = async (deps: PointsBankDeps, actor: Actor, input: { communityId?: string }) => {
  const { place } = await residentCommunity(deps, actor, input.communityId)
  const account = residentAccount(actor.principal.userId)
  const [heads, settings] = await Promise.all([
    deps.ledger.heads(place.id, [account]),
    pointsSettingsFor(deps, place.id),
  ])
  const balance = heads.get(account)?.balance ?? 0
  const now = deps.now()
  const expiring =
    settings.expiry === 'endOfNextYear' && balance > 0
      ? expiringNext(await entriesBack(deps, place.id, account, beijingYearStart(beijingYearOf(now))), now)
      : undefined
  return {
    communityId: place.id,
    communityName: place.name,
    balance,
    expiry: settings.expiry,
    ...(expiring && expiring.amount > 0 ? { expiring } : {}),
    rules: settings.rules
      .filter((r) => r.active)
      .map((r) => ({ ruleId: r.ruleId, name: r.name, amount: r.amount, ...(r.cap ? { cap: r.cap } : {}) })),
  }
}

/** 积分存折: a page of the caller's entries, newest first, each with its running balance. */
export const getMyPassbook = async (
  deps: PointsBankDeps,
  actor: Actor,
  input: { communityId?: string; before?: number; limit: number },
) => {
  const { place } = await residentCommunity(deps, actor, input.communityId)
  const page = await deps.ledger.entries(place.id, residentAccount(actor.principal.userId), {
    limit: input.limit,
    ...(input.before ? { before: input.before } : {}),
  })
  return { items: page.items.map(passbookEntry), ...(page.next ? { next: page.next } : {}) }
}

/** The passbook on paper: every entry, oldest first as a bank passbook prints them. */
export const printPassbook = async (
  deps: PointsBankDeps,
  actor: Actor,
  input: { communityId?: string },
  printer: PassbookPrinter,
) => {
  const { place, homes } = await residentCommunity(deps, actor, input.communityId)
  const entries = await deps.ledger.allEntries(place.id, residentAccount(actor.principal.userId))
  const user = found(await deps.identity.getUser(actor.principal.userId), 'user.notFound')
  const household = await householdLabelOf(deps, actor.user.memberships, homes[0]?.householdId)
  return printer.renderPdf({
    communityName: place.name,
    residentName: user.displayName,
    ...(household ? { household } : {}),
    balance: entries.at(-1)?.balanceAfter ?? 0,
    printedAt: deps.now().toISOString(),
    entries: entries.map((e) => ({
      at: e.at,
      reason: e.reason,
      source: e.source.label,
      delta: e.delta,
      balanceAfter: e.balanceAfter,
    })),
  })
}
