import { mergeInternalComponents } from '@tarojs/shared'
/**
 * WeChat's accessibility attributes (developers.weixin.qq.com/miniprogram/dev/framework/ability/accessibility.html)
 * that Taro 4.2.1's WeChat template leaves off <view>. config/index.ts adds them to the template; this adds them to
 * the runtime's table; both read the one list, so their short attribute keys agree.
 */
import WEAPP_VIEW_ARIA from './weappViewAria.json'

if (process.env.TARO_ENV === 'weapp')
  mergeInternalComponents({ View: Object.fromEntries((WEAPP_VIEW_ARIA as string[]).map((a) => [a, ''])) })

export type Role =
  'button' | 'link' | 'tab' | 'radio' | 'checkbox' | 'switch' | 'img' | 'alert' | 'dialog' | 'tablist' | 'radiogroup'

export interface A11y {
  /** What a screen reader reads instead of the text inside (only when the text alone says too little). */
  label?: string
  disabled?: boolean
  /** A tab or an option that is the chosen one. */
  selected?: boolean
  /** A radio option or a switch that is on. */
  checked?: boolean
}

/**
 * The attributes that make a Taro <View> read as `role` to a screen reader: `role`/`aria-*` in H5 (a DOM element),
 * `ariaRole`/`ariaLabel`/… in WeChat (its aria-* attributes). Spread them on the View: `<View {...a11y('button')}>`.
 */
export const a11y = (role: Role, opts: A11y = {}): Record<string, string> => {
  const attrs: Record<string, string | undefined> = {
    role,
    label: opts.label,
    disabled: opts.disabled ? 'true' : undefined,
    selected: opts.selected === undefined ? undefined : String(opts.selected),
    checked: opts.checked === undefined ? undefined : String(opts.checked),
  }
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue
    if (process.env.TARO_ENV === 'h5') out[k === 'role' ? 'role' : `aria-${k}`] = v
    else out[`aria${k[0]!.toUpperCase()}${k.slice(1)}`] = v
  }
  return out
}

/** Marks decoration (an arrow, an icon letter) that a screen reader should skip. */
export const hidden = (): Record<string, string> =>
  process.env.TARO_ENV === 'h5' ? { 'aria-hidden': 'true' } : { ariaHidden: 'true' }
