import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { a11y, hidden } from '../../lib/a11y'

export interface ButtonProps {
  children: ReactNode
  onClick?: () => void
  /** primary: the page's main action; ghost: a second one; plain: cancel, back. */
  kind?: 'primary' | 'ghost' | 'plain'
  small?: boolean
  block?: boolean
  /** Greyed, and a tap does nothing (still readable: 5.6:1). */
  disabled?: boolean
  /** A submission is under way: a spinner and `busyText`, and a tap does nothing. */
  busy?: boolean
  busyText?: string
  /** For a screen reader, when the text alone says too little (e.g. 「附议」 → 「为这个议题附议」). */
  label?: string
  /** The browser tests' hook, and any layout class. */
  className?: string
}

/**
 * The one button: a View that reads as a button to a screen reader, at least 44 px high (48 in its normal size),
 * with a busy and a disabled state, so no page hand-builds them.
 */
export function Button({
  children,
  onClick,
  kind = 'primary',
  small,
  block,
  disabled,
  busy,
  busyText,
  label,
  className = '',
}: ButtonProps) {
  const inert = disabled || busy
  const classes = [
    'btn',
    `btn--${kind}`,
    small ? 'btn--small' : '',
    block ? 'btn--block' : '',
    disabled ? 'btn--disabled' : '',
    busy ? 'btn--busy' : '',
    className,
  ]
  return (
    <View
      className={classes.filter(Boolean).join(' ')}
      {...a11y('button', { label, disabled: inert })}
      onClick={inert ? undefined : onClick}
    >
      {busy && <View className="btn__spinner" {...hidden()} />}
      {busy ? <Text>{busyText ?? '提交中…'}</Text> : children}
    </View>
  )
}

/** A form's submit button: primary and full width unless told otherwise, 「提交中…」 while busy. */
export function SubmitButton(props: Omit<ButtonProps, 'busy'> & { submitting: boolean }) {
  const { submitting, ...rest } = props
  return <Button block {...rest} busy={submitting} />
}
