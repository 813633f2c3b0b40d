import { httpHandler } from '../../http/router'
import getDeliberationSettings from './getDeliberationSettings'
import putDeliberationSettings from './putDeliberationSettings'
import createUpload from './createUpload'
import proposeMatter from './proposeMatter'
import listMatters from './listMatters'
import getMatter from './getMatter'
import secondMatter from './secondMatter'
import withdrawMatter from './withdrawMatter'
import reviseMatter from './reviseMatter'
import reviewQueue from './reviewQueue'
import reviewMatter from './reviewMatter'
import answerEscalation from './answerEscalation'
import listComments from './listComments'
import addComment from './addComment'
import openPoll from './openPoll'
import castVote from './castVote'
import recordResolution from './recordResolution'
import reportDone from './reportDone'
import rateMatter from './rateMatter'
import listMatterNotifications from './listMatterNotifications'
import listSubscriptions from './listSubscriptions'
import addSubscriptions from './addSubscriptions'

export const routes = [
  getDeliberationSettings,
  putDeliberationSettings,
  createUpload,
  proposeMatter,
  listMatters,
  getMatter,
  secondMatter,
  withdrawMatter,
  reviseMatter,
  reviewQueue,
  reviewMatter,
  answerEscalation,
  listComments,
  addComment,
  openPoll,
  castVote,
  recordResolution,
  reportDone,
  rateMatter,
  listMatterNotifications,
  listSubscriptions,
  addSubscriptions,
]
export const handler = httpHandler(routes)
