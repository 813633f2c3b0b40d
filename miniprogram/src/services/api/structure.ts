import type { RouteBody } from '@contracts/common'
import {
  listCommunityAccounts as listCommunityAccountsRoute,
  listOrganisations as listOrganisationsRoute,
  putOrganisation as putOrganisationRoute,
} from '@contracts/structure'
import { bodySchema, call } from '../http'

/** The community's 责任方名录 (物业, 居委会, departments and the accounts acting for them), to pick a responsible party. */
export const listOrganisations = (communityId: string) => call(listOrganisationsRoute, { params: { communityId } })

export type OrganisationInput = RouteBody<typeof putOrganisationRoute>
/** The community admin registers or changes one; `organisationId` is made by the client (a retry writes the same). */
export const putOrganisation = (communityId: string, organisationId: string, body: OrganisationInput) =>
  call(putOrganisationRoute, { params: { communityId, organisationId }, body })
export const organisationBodySchema = bodySchema(putOrganisationRoute)

/** The accounts holding a role in the community or its places (name, roles, masked phone): whom an organisation's members are picked from. */
export const listCommunityAccounts = (communityId: string) =>
  call(listCommunityAccountsRoute, { params: { communityId } })
