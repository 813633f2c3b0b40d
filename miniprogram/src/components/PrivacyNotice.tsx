import Taro from '@tarojs/taro'
import { View, Text, Button as NativeButton } from '@tarojs/components'
import { Button } from './ui/Button'
import { a11y } from '../lib/a11y'
import { PAGES } from '../services/nav'
import { AGREE_BUTTON_ID, agreePrivacy, declinePrivacy } from '../services/privacy'
import './PrivacyNotice.scss'

/** What the notice says, in a few lines; the whole policy is its own page (隐私政策). */
export function PrivacySummary() {
  return (
    <View className="privacy-summary">
      <Text className="privacy-summary__text">
        为了让您参与小区议事、联系网格员，「网格连心」会使用：您的微信登录标识（识别您的账号）；您申请绑定的房屋（楼栋、单元、房号）；您提交的提议、照片、意见、投票和评议。
      </Text>
      <Text className="privacy-summary__text">
        这些信息只用于本社区的议事和网格服务，只向议题范围内的居民和负责的工作人员展示，不会出售或用于其他用途。
      </Text>
      <View
        className="link privacy-policy-link"
        {...a11y('link')}
        onClick={() => void Taro.navigateTo({ url: PAGES.privacy })}
      >
        查看《网格连心隐私政策》
      </View>
    </View>
  )
}

/**
 * 同意并继续. In WeChat it is the `agreePrivacyAuthorization` button WeChat requires (it checks that this very
 * button was tapped before it lets a held-back privacy API go on); in H5 the ordinary button.
 */
export function AgreeButton({ onAgreed }: { onAgreed?: () => void }) {
  const agree = () => {
    agreePrivacy()
    onAgreed?.()
  }
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <NativeButton
        id={AGREE_BUTTON_ID}
        openType="agreePrivacyAuthorization"
        className="btn btn--primary btn--block privacy-agree"
        onAgreePrivacyAuthorization={agree}
      >
        同意并继续
      </NativeButton>
    )
  }
  return (
    <Button block className="privacy-agree" onClick={agree}>
      同意并继续
    </Button>
  )
}

/** The notice as a sheet over the page on screen, when WeChat holds a privacy API back until the user agrees. */
export function PrivacySheet() {
  return (
    <View className="sheet privacy-sheet" {...a11y('dialog', { label: '隐私保护提示' })}>
      <View className="sheet__mask" />
      <View className="sheet__panel">
        <Text className="sheet__title">隐私保护提示</Text>
        <PrivacySummary />
        <View className="privacy-actions">
          <AgreeButton />
          <Button kind="plain" block className="privacy-decline" onClick={declinePrivacy}>
            不同意
          </Button>
        </View>
      </View>
    </View>
  )
}
