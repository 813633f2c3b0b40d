/**
 * The one error map. Every error the API returns has the same body, `{ error: { code, message, details? } }`;
 * the code is stable (clients branch on it), the message is Chinese text a resident can read, and the
 * status is decided here and nowhere else.
 */
export const errorCatalog = {
  'request.invalid': { status: 422, message: '提交的内容不符合要求，请检查后重试' },
  'request.malformedJson': { status: 400, message: '请求格式错误' },
  'request.tooLarge': { status: 413, message: '提交的内容过大' },
  'route.notFound': { status: 404, message: '请求的功能不存在' },
  'request.idConflict': { status: 409, message: '该请求编号已被使用，请刷新页面后重新提交' },
  'auth.required': { status: 401, message: '请先登录' },
  'auth.invalidToken': { status: 401, message: '登录已失效，请重新登录' },
  'auth.codeInvalid': { status: 401, message: '微信登录凭证无效或已过期，请重新登录' },
  'auth.wechatUnavailable': { status: 503, message: '微信登录服务暂时不可用，请稍后重试' },
  'auth.forbidden': { status: 403, message: '您没有权限进行此操作' },
  'auth.demoDisabled': { status: 403, message: '演示身份仅在本地环境可用' },
  'auth.demoUnknown': { status: 404, message: '没有这个演示身份' },
  'card.invalid': { status: 404, message: '无法识别的服务卡，请扫描张贴在楼道的网格连心服务卡' },
  'card.fontMissing': { status: 503, message: '服务卡字体未配置，暂时无法生成打印文件' },
  'street.notFound': { status: 404, message: '街道不存在' },
  'community.notFound': { status: 404, message: '社区不存在' },
  'compound.notFound': { status: 404, message: '小区不存在' },
  'building.notFound': { status: 404, message: '楼栋不存在' },
  'household.notFound': { status: 404, message: '该房屋不存在，请核对楼栋、单元和房号' },
  'household.exists': { status: 409, message: '该房屋已登记' },
  'grid.buildingTaken': { status: 409, message: '该楼栋已属于其他网格，请先从原网格移出' },
  'grid.notFound': { status: 404, message: '网格不存在' },
  'grid.compoundMismatch': { status: 422, message: '网格边界须与小区边界一致：一个网格只能包含同一社区内的整栋楼' },
  'user.notFound': { status: 404, message: '用户不存在' },
  'role.placeMismatch': { status: 422, message: '该角色不能授予在这一级地点上' },
  'binding.notFound': { status: 404, message: '绑定申请不存在' },
  'binding.alreadyPending': { status: 409, message: '您已提交过该房屋的绑定申请，请等待楼长或网格员审核' },
  'binding.alreadyMember': { status: 409, message: '您已绑定该房屋' },
  'binding.notPending': { status: 409, message: '该申请已处理，无需重复操作' },
  'household.notMember': { status: 422, message: '户代表必须是已绑定该房屋的居民' },
  'category.notFound': { status: 422, message: '请选择社区「六议」清单中的议题类别' },
  'matter.notFound': { status: 404, message: '议题不存在或您无权查看' },
  'matter.excludedCategory': { status: 422, message: '该类事项属于「不议」范围，不能提交议事' },
  'matter.notInScope': { status: 403, message: '只能在您绑定房屋所在的楼栋、小区或社区范围内提议' },
  'matter.wrongStep': { status: 409, message: '议题当前所处的环节不能进行此操作' },
  'second.already': { status: 409, message: '您已附议过该议题' },
  'second.ownMatter': { status: 422, message: '提议人不能为自己的议题附议' },
  'upload.missing': { status: 422, message: '照片未上传成功，请重新上传' },
  'poll.notFound': { status: 404, message: '投票不存在' },
  'poll.notOpen': { status: 409, message: '投票未开始或已截止' },
  'poll.timeInvalid': { status: 422, message: '投票时间不正确：截止时间须在将来' },
  'poll.noElectorate': { status: 422, message: '该范围内没有已登记的房屋，无法发起投票' },
  'vote.notRepresentative': { status: 403, message: '只有户代表可以代表本户投票或评议' },
  'vote.notEligible': { status: 403, message: '您的房屋不在本次表决范围内（以开票时登记的房屋为准）' },
  'vote.already': { status: 409, message: '本户已投票，一户一票，投出后不可更改' },
  'vote.badOption': { status: 422, message: '没有这个选项' },
  'rating.already': { status: 409, message: '本户已评议' },
  'wish.notFound': { status: 404, message: '心愿不存在或您无权查看' },
  'wish.wrongState': { status: 409, message: '心愿当前的状态不能进行此操作，请刷新后查看' },
  'wish.taken': { status: 409, message: '这个心愿已被其他人认领了，请看看心愿墙上的其他心愿' },
  'wish.notMember': { status: 403, message: '按社区规定，只有在本社区报到的在职党员（或社区认可的认领人）可以认领心愿' },
  'wish.ownWish': { status: 422, message: '不能认领自己或本户发布的心愿' },
  'wish.claimLimit': { status: 409, message: '您正在办理的心愿已达社区规定的上限，请先完成或放弃一个再认领' },
  'wish.busy': { status: 409, message: '认领的人较多，请稍后再试' },
  'wish.openLimit': { status: 409, message: '本户待实现的心愿已达社区规定的上限，请等已有心愿实现后再发布' },
  'wish.noHousehold': { status: 422, message: '请先绑定房屋，再为本户发布心愿' },
  'wish.noGrid': { status: 422, message: '您所在的楼栋尚未划入网格，暂时不能发布心愿，请联系社区' },
  'wish.dateInvalid': { status: 422, message: '希望实现的日期须在今天之后、半年以内' },
  'wish.pointsOutOfRange': { status: 422, message: '积分须在社区规定的范围内' },
  'cursor.invalid': { status: 422, message: '列表已变化，请下拉刷新后重试' },
  'subscription.noCommunity': { status: 422, message: '绑定房屋或担任社区职务后才能订阅议事通知' },
  'subscription.noOpenid': { status: 422, message: '请用微信登录后再订阅通知' },
  'content.risky': { status: 422, message: '内容含有违规信息，未能发布，请修改后再提交' },
  'content.checkUnavailable': { status: 503, message: '内容安全检测暂时不可用，内容未发布，请稍后重试' },
  'content.notFound': { status: 404, message: '该内容不存在或不能举报' },
  'content.ownReport': { status: 422, message: '不能举报自己发布的内容' },
  'moderation.notPending': { status: 409, message: '该内容已处理，无需重复操作' },
  'wechat.badSignature': { status: 401, message: '消息推送签名无效' },
  'unit.notFound': { status: 404, message: '报到单位不存在' },
  'registration.notFound': { status: 404, message: '没有找到这份志愿者登记' },
  'registration.notPending': { status: 409, message: '该登记已审核，无需重复操作' },
  'registration.unitRequired': { status: 422, message: '在职党员请选择报到单位' },
  'registration.unitNotPaired': { status: 422, message: '该单位尚未与本社区结对，请联系社区登记' },
  'volunteer.notRegistered': { status: 403, message: '请先完成志愿者登记，社区审核通过后即可报名' },
  'volunteer.membersOnly': { status: 403, message: '本活动仅限在职党员报名' },
  'volunteer.otherCommunity': { status: 403, message: '只能报名您登记的社区的活动' },
  'activity.notFound': { status: 404, message: '活动不存在或您无权查看' },
  'activity.timeInvalid': { status: 422, message: '活动时间不正确：开始须在将来，结束晚于开始，报名截止不晚于开始' },
  'activity.wrongStatus': { status: 409, message: '活动当前的状态不能进行此操作' },
  'activity.signUpClosed': { status: 409, message: '报名已截止' },
  'activity.waitlistFull': { status: 409, message: '名额已满，候补人数也已满' },
  'checkin.notSignedUp': { status: 403, message: '您没有报名本活动（或仍在候补），不能签到签退' },
  'checkin.wrongActivity': { status: 422, message: '这是其他活动的签到码，请扫描本活动现场的签到码' },
  'checkin.codeExpired': { status: 422, message: '签到码已过期，请扫描组织者手机上正在显示的签到码' },
  'checkin.badCode': { status: 422, message: '无法识别的签到码，请扫描组织者手机上的签到码' },
  'checkin.outside': { status: 422, message: '您不在活动地点的签到范围内，请到现场后再试' },
  'checkin.inaccurate': { status: 422, message: '手机定位不够准确，请到开阔处、打开定位后再试' },
  'checkin.notOpen': { status: 409, message: '现在不在签到签退时间内（活动开始前1小时起可签到，结束后2小时内可签退）' },
  'checkin.notCheckedIn': { status: 409, message: '还没有签到，不能签退' },
  'record.notFound': { status: 404, message: '服务记录不存在' },
  'correction.notFound': { status: 404, message: '更正申请不存在' },
  'correction.notPending': { status: 409, message: '该更正申请已答复' },
  'correction.timeInvalid': { status: 422, message: '更正的时间不正确：签退须晚于签到' },
  'feedback.fontMissing': { status: 503, message: '打印字体未配置，暂时无法生成反馈卡' },
  // Only the local stack answers it: its API proxy while serverless offline restarts (scripts/lib/apiProxy.ts).
  'service.restarting': { status: 503, message: '服务正在更新，请稍后重试' },
  internal: { status: 500, message: '服务器开小差了，请稍后重试' },
} as const satisfies Record<string, { status: number; message: string }>

export type ErrorCode = keyof typeof errorCatalog

export interface ErrorDetail {
  path: string
  message: string
}

export interface ErrorBody {
  /** `requestId` names the request in the logs (also the `x-request-id` header): a resident can quote it. */
  error: { code: ErrorCode; message: string; details?: ErrorDetail[]; requestId?: string }
}

export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.prototype.hasOwnProperty.call(errorCatalog, code)

/** The Chinese text for a code; unknown codes (a newer server) fall back to a generic message. */
export const errorMessage = (code: string): string => (isErrorCode(code) ? errorCatalog[code].message : '操作失败，请稍后重试')
