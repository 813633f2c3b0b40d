import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import { Button } from '../../../components/ui/Button'
import { a11y } from '../../../lib/a11y'
import { messageOf } from '../../../services/http'

export interface TextSheetProps {
  /** The browser tests' hook: `<name>-sheet`, `<name>-input`, `<name>-submit`, `<name>-cancel`, `<name>-error`. */
  name: string
  title: string
  sub?: string
  placeholder: string
  confirmText: string
  /** Whether something must be written (a dispute's reason) or may be left empty (a thank-you with the confirmation). */
  required?: boolean
  max?: number
  onConfirm: (text: string) => Promise<unknown>
  onClose: () => void
}

/** A sheet from the bottom with one text to write (感谢信, 异议, 放弃的原因) and one action; its error stays in it. */
export function TextSheet({
  name,
  title,
  sub,
  placeholder,
  confirmText,
  required,
  max = 300,
  onConfirm,
  onClose,
}: TextSheetProps) {
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const confirm = async () => {
    if (busy) return
    if (required && text.trim().length < 2) {
      setError('请至少写两个字')
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      await onConfirm(text.trim())
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className={`sheet ${name}-sheet`} {...a11y('dialog', { label: title })}>
      <View className="sheet__mask" onClick={() => !busy && onClose()} />
      <View className="sheet__panel">
        <Text className="sheet__title">{title}</Text>
        {sub && <Text className="sheet__sub">{sub}</Text>}
        <Textarea
          className={`field__textarea ${name}-input`}
          placeholder={placeholder}
          maxlength={max}
          value={text}
          onInput={(e) => setText(e.detail.value)}
        />
        <Text className="muted wish-sheet__count">
          {text.trim().length}/{max}
        </Text>
        {error && <Text className={`field-error ${name}-error`}>{error}</Text>}
        <View className="sheet__actions">
          <Button kind="plain" className={`${name}-cancel`} disabled={busy} onClick={onClose}>
            取消
          </Button>
          <Button className={`${name}-submit`} busy={busy} onClick={() => void confirm()}>
            {confirmText}
          </Button>
        </View>
      </View>
    </View>
  )
}
