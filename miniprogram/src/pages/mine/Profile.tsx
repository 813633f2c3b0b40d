import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input, Image, Button as NativeButton } from '@tarojs/components'
import type { Me } from '@contracts/identity'
import { Button, SubmitButton } from '../../components/ui/Button'
import { useSubmit, zodFieldErrors } from '../../components/useSubmit'
import { hidden } from '../../lib/a11y'
import { putProfile, profileBodySchema } from '../../services/api/identity'
import { IS_H5 } from '../../services/env'
import { ApiError, messageOf } from '../../services/http'
import { uploadPhoto } from '../../services/upload'

/** The round picture in the header: the chosen avatar, else the first character of the name. */
export function Avatar({ user }: { user: Me | null | undefined }) {
  if (user?.avatarUrl) return <Image className="profile__avatar mine-avatar" src={user.avatarUrl} mode="aspectFill" />
  return (
    <View className="profile__avatar" {...hidden()}>
      {user ? user.displayName.slice(0, 1) : '?'}
    </View>
  )
}

/**
 * 头像和昵称 (WeChat's 头像昵称填写): the avatar from WeChat's `chooseAvatar` button (H5: a photo chooser), uploaded
 * through the shared uploads and saved by its key; the nickname from WeChat's nickname input (H5: a plain input).
 * Until a nickname is set the user is 微信用户 to their neighbours, and this says so. Refusals (违规, 需人工审核) show
 * at the field they are about.
 */
export function Profile({ user, onSaved }: { user: Me; onSaved: (me: Me) => void }) {
  const named = user.hasNickname === true
  const [nickname, setNickname] = useState(named ? user.displayName : '')
  const [avatarBusy, setAvatarBusy] = useState(false)
  const [avatarError, setAvatarError] = useState<string>()
  const validate = () => zodFieldErrors<'nickname'>(profileBodySchema.safeParse({ nickname }).error)
  const form = useSubmit<'nickname'>({ validate, values: { nickname } })

  const saveNickname = async () => {
    const me = await form.submit(() => putProfile({ nickname: nickname.trim() }))
    if (!me) return
    void Taro.showToast({ title: '昵称已保存', icon: 'success' })
    onSaved(me)
  }

  const saveAvatar = async (path: string) => {
    if (avatarBusy) return
    setAvatarBusy(true)
    setAvatarError(undefined)
    try {
      const avatarKey = await uploadPhoto(path)
      onSaved(await putProfile({ avatarKey }))
      void Taro.showToast({ title: '头像已更换', icon: 'success' })
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) setAvatarError(messageOf(e))
    } finally {
      setAvatarBusy(false)
    }
  }
  const chooseH5 = async () => {
    try {
      const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      if (res.tempFilePaths[0]) await saveAvatar(res.tempFilePaths[0])
    } catch {
      // Cancelled: nothing to do.
    }
  }

  return (
    <View className="card mine-profile">
      <View className="card__title">
        <Text className="card__title-text">头像和昵称</Text>
      </View>
      {!named && (
        <View className="alert alert--warning mine-nickname-prompt">
          设置昵称，让邻居认得您。
          {user.displayName === '微信用户' ? '现在您在议事和评论中显示为「微信用户」。' : ''}
        </View>
      )}

      <View className="mine-profile__avatar-row">
        <Avatar user={user} />
        {IS_H5 ? (
          <Button
            kind="ghost"
            busy={avatarBusy}
            busyText="上传中…"
            className="mine-avatar-choose"
            onClick={() => void chooseH5()}
          >
            {user.avatarUrl ? '更换头像' : '选择头像'}
          </Button>
        ) : (
          <NativeButton
            className="btn btn--ghost mine-avatar-choose"
            openType="chooseAvatar"
            disabled={avatarBusy}
            onChooseAvatar={(e) => void saveAvatar(String((e.detail as { avatarUrl?: string }).avatarUrl ?? ''))}
          >
            {avatarBusy ? '上传中…' : user.avatarUrl ? '更换头像' : '选择头像'}
          </NativeButton>
        )}
      </View>
      {avatarError && <Text className="field-error field-error--avatarKey">{avatarError}</Text>}

      <Text className="field__label">昵称</Text>
      <Input
        className="field__input mine-nickname-input"
        type={IS_H5 ? 'text' : 'nickname'}
        maxlength={20}
        placeholder={IS_H5 ? '请输入昵称' : '点这里，可用微信昵称'}
        value={nickname}
        onInput={(e) => setNickname(e.detail.value)}
        // WeChat's nickname suggestion fills the input without an input event: read it when the field is left.
        onBlur={(e) => setNickname(String(e.detail.value ?? ''))}
      />
      {form.errors.nickname && <Text className="field-error field-error--nickname">{form.errors.nickname}</Text>}
      {form.formError && !form.errors.nickname && (
        <Text className="field-error mine-profile-error">{form.formError}</Text>
      )}
      <SubmitButton submitting={form.submitting} className="mine-nickname-save" onClick={() => void saveNickname()}>
        保存昵称
      </SubmitButton>
    </View>
  )
}
