import {
  decideBinding as decideBindingRoute,
  demoLogin as demoLoginRoute,
  getMe as getMeRoute,
  listBindingRequests as listBindingRequestsRoute,
  listBuildingHouseholds as listBuildingHouseholdsRoute,
  listDemoIdentities as listDemoIdentitiesRoute,
  putProfile as putProfileRoute,
  login as loginRoute,
  requestBinding as requestBindingRoute,
} from '@contracts/identity'
import type { RouteBody, RouteQuery } from '@contracts/common'
import { bodySchema, call } from '../http'

export const login = (code: string) => call(loginRoute, { body: { code } })
export const listDemoIdentities = () => call(listDemoIdentitiesRoute, {})
export const demoLogin = (key: string) => call(demoLoginRoute, { body: { key } })
export const getMe = () => call(getMeRoute, {})

export type BindingInput = RouteBody<typeof requestBindingRoute>
export const requestBinding = (body: BindingInput) => call(requestBindingRoute, { body })
/** The contract's own validation, run before sending so field errors show at once, in the API's words. */
export const bindingBodySchema = bodySchema(requestBindingRoute)

export const listBindingRequests = (query: RouteQuery<typeof listBindingRequestsRoute>) =>
  call(listBindingRequestsRoute, { query })

export type Decision = RouteBody<typeof decideBindingRoute>
export const decideBinding = (requestId: string, body: Decision) =>
  call(decideBindingRoute, { params: { requestId }, body })
export const decisionBodySchema = bodySchema(decideBindingRoute)

export type ProfileInput = RouteBody<typeof putProfileRoute>
/** 头像昵称填写: the nickname (content-checked) and/or an avatar the user uploaded; answers with the new `Me`. */
export const putProfile = (body: ProfileInput) => call(putProfileRoute, { body })
export const profileBodySchema = bodySchema(putProfileRoute)

/** A building's registered units and rooms, to choose from when asking to bind a household. */
export const listBuildingHouseholds = (buildingId: string) =>
  call(listBuildingHouseholdsRoute, { params: { buildingId } })
