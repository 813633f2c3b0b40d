import Taro from '@tarojs/taro'
import { View, Text, Button as NativeButton } from '@tarojs/components'
import type { Me } from '@contracts/identity'
import { LinkRow } from '../../components/LinkRow'
import { ModerationLink } from '../../components/moderation'
import { adminCommunities, reviewCommunities } from '../../components/matter'
import { a11y, hidden } from '../../lib/a11y'
import { PAGES, withQuery } from '../../services/nav'

/** 小区议事: the 议事 tab, and the review queue and 议事规则 for those who keep them. */
export function Deliberation({ user }: { user: Me }) {
  return (
    <View className="card">
      <View className="card__title">
        <Text className="card__title-text">小区议事</Text>
      </View>
      <LinkRow
        className="mine-matters-link"
        title="议事大厅"
        sub={user.households.length > 0 ? '查看、附议、投票，或提出您的建议' : '绑定房屋后可以提议和投票'}
        onClick={() => void Taro.switchTab({ url: PAGES.matters })}
      />
      {reviewCommunities(user).map((c) => (
        <LinkRow
          key={c.communityId}
          className="mine-review-link"
          title="两委审议"
          sub={`${c.name} · 待审议的居民提议`}
          onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.reviewQueue, { communityId: c.communityId }) })}
        />
      ))}
      {reviewCommunities(user).map((c) => (
        <ModerationLink
          key={c.communityId}
          communityId={c.communityId}
          name={c.name}
          className="mine-moderation-link"
        />
      ))}
      {adminCommunities(user).map((c) => (
        <LinkRow
          key={c.communityId}
          className="mine-settings-link"
          title="议事规则"
          sub={`${c.name} · 六议六不议清单、附议人数、满意度门槛`}
          onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.settings, { communityId: c.communityId }) })}
        />
      ))}
      {adminCommunities(user).map((c) => (
        <LinkRow
          key={c.communityId}
          className="mine-organisations-link"
          title="责任方名录"
          sub={`${c.name} · 物业、居委会、职能部门及其办理账号`}
          onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.organisations, { communityId: c.communityId }) })}
        />
      ))}
    </View>
  )
}

/**
 * 帮助与反馈: how to use the app, the privacy policy, and feedback — WeChat's own feedback page (a
 * `feedback` button) in the mini-program; in H5, the help page's feedback section.
 */
export function Help() {
  return (
    <View className="card mine-help">
      <View className="card__title">
        <Text className="card__title-text">帮助与反馈</Text>
      </View>
      <LinkRow
        className="mine-help-link"
        title="使用帮助"
        sub="怎样绑定房屋、提议、附议和投票"
        onClick={() => void Taro.navigateTo({ url: PAGES.help })}
      />
      {process.env.TARO_ENV === 'weapp' ? (
        <NativeButton openType="feedback" className="row staff-entry mine-feedback feedback-button">
          <View className="row__main">
            <Text className="row__title">意见反馈</Text>
            <Text className="row__sub">告诉我们哪里不好用</Text>
          </View>
          <Text className="row__arrow" {...hidden()}>
            ›
          </Text>
        </NativeButton>
      ) : (
        <View
          className="row staff-entry mine-feedback"
          {...a11y('link', { label: '意见反馈' })}
          onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.help, { section: 'feedback' }) })}
        >
          <View className="row__main">
            <Text className="row__title">意见反馈</Text>
            <Text className="row__sub">告诉我们哪里不好用</Text>
          </View>
          <Text className="row__arrow" {...hidden()}>
            ›
          </Text>
        </View>
      )}
      <LinkRow
        className="mine-privacy-link"
        title="隐私政策"
        sub="我们收集哪些信息、怎样使用"
        onClick={() => void Taro.navigateTo({ url: PAGES.privacy })}
      />
    </View>
  )
}
