import {
  addComment as addCommentRoute,
  answerEscalation as answerEscalationRoute,
  castVote as castVoteRoute,
  getDeliberationSettings as getDeliberationSettingsRoute,
  getMatter as getMatterRoute,
  listComments as listCommentsRoute,
  listMatters as listMattersRoute,
  openPoll as openPollRoute,
  proposeMatter as proposeMatterRoute,
  putDeliberationSettings as putDeliberationSettingsRoute,
  rateMatter as rateMatterRoute,
  recordResolution as recordResolutionRoute,
  reportDone as reportDoneRoute,
  reviewMatter as reviewMatterRoute,
  reviewQueue as reviewQueueRoute,
  reviseMatter as reviseMatterRoute,
  secondMatter as secondMatterRoute,
  withdrawMatter as withdrawMatterRoute,
} from '@contracts/deliberation'
import type { RouteBody, RouteQuery } from '@contracts/common'
import { bodySchema, call } from '../http'

export const getDeliberationSettings = (communityId: string) =>
  call(getDeliberationSettingsRoute, { params: { communityId } })
export type SettingsInput = RouteBody<typeof putDeliberationSettingsRoute>
/** Only the community admin may change the 六议六不议 lists and the rules (the server refuses anyone else). */
export const putDeliberationSettings = (communityId: string, body: SettingsInput) =>
  call(putDeliberationSettingsRoute, { params: { communityId }, body })
export const settingsBodySchema = bodySchema(putDeliberationSettingsRoute)

export type ProposalInput = RouteBody<typeof proposeMatterRoute>
export const proposeMatter = (body: ProposalInput) => call(proposeMatterRoute, { body })
/** The contract's own validation, run before sending so field errors show at once, in the API's words. */
export const proposalBodySchema = bodySchema(proposeMatterRoute)

export type RevisionInput = RouteBody<typeof reviseMatterRoute>
export const reviseMatter = (matterId: string, body: RevisionInput) =>
  call(reviseMatterRoute, { params: { matterId }, body })
export const revisionBodySchema = bodySchema(reviseMatterRoute)

export const listMatters = (query: RouteQuery<typeof listMattersRoute>) => call(listMattersRoute, { query })
export const getMatter = (matterId: string) => call(getMatterRoute, { params: { matterId } })
export const secondMatter = (matterId: string) => call(secondMatterRoute, { params: { matterId } })
export const withdrawMatter = (matterId: string, reason?: string) =>
  call(withdrawMatterRoute, { params: { matterId }, body: reason ? { reason } : {} })

export const reviewQueue = (communityId: string) => call(reviewQueueRoute, { params: { communityId } })
export type ReviewInput = RouteBody<typeof reviewMatterRoute>
export const reviewMatter = (matterId: string, body: ReviewInput) =>
  call(reviewMatterRoute, { params: { matterId }, body })
export const reviewBodySchema = bodySchema(reviewMatterRoute)

export const answerEscalation = (matterId: string, answer: string) =>
  call(answerEscalationRoute, { params: { matterId }, body: { answer } })
export const answerBodySchema = bodySchema(answerEscalationRoute)

export const listComments = (matterId: string) => call(listCommentsRoute, { params: { matterId } })
/** `commentId`: made once per draft (services/clientId.ts), so a retried post adds the comment once. */
export const addComment = (matterId: string, commentId: string, text: string) =>
  call(addCommentRoute, { params: { matterId }, body: { commentId, text } })
export const commentBodySchema = bodySchema(addCommentRoute)

export type PollInput = RouteBody<typeof openPollRoute>
export const openPoll = (matterId: string, body: PollInput) => call(openPollRoute, { params: { matterId }, body })
export const pollBodySchema = bodySchema(openPollRoute)

export const castVote = (pollId: string, option: number) =>
  call(castVoteRoute, { params: { pollId }, body: { option } })

export type ResolutionInput = RouteBody<typeof recordResolutionRoute>
export const recordResolution = (matterId: string, body: ResolutionInput) =>
  call(recordResolutionRoute, { params: { matterId }, body })
export const resolutionBodySchema = bodySchema(recordResolutionRoute)

export type ReportInput = RouteBody<typeof reportDoneRoute>
export const reportDone = (matterId: string, body: ReportInput) => call(reportDoneRoute, { params: { matterId }, body })
export const reportBodySchema = bodySchema(reportDoneRoute)

export type RatingValue = RouteBody<typeof rateMatterRoute>['rating']
export const rateMatter = (matterId: string, rating: RatingValue) =>
  call(rateMatterRoute, { params: { matterId }, body: { rating } })
