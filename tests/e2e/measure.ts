/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from 'playwright-core'

/**
 * The minimums a page is held to (styles/tokens.scss says the same), in CSS px as the browser renders them.
 * - text in a badge (a small tag beside a title) ≥ `caption`; grey secondary text ≥ `secondary`; all other text,
 *   inputs included, ≥ `body` — "secondary" is what the design marks as such: an achromatic mid grey;
 * - every tappable (a role of button, link, tab, radio, checkbox or switch, a native control, or anything with a
 *   pointer cursor) ≥ `tap` high, and a pointer-cursor element has a role (a screen reader must know it is one);
 * - every text's contrast against what is behind it ≥ 4.5:1 (opacity and translucent layers blended; against a
 *   gradient, its worst stop);
 * - nothing sticks out sideways: the page does not scroll horizontally, and no element ends past the screen's
 *   edges except inside a container that scrolls sideways on purpose (the 议事 tab bar).
 */
export interface Minimums {
  caption: number
  secondary: number
  body: number
  tap: number
}

export const NORMAL: Minimums = { caption: 12, secondary: 14, body: 16, tap: 44 }
export const CARE: Minimums = { caption: 14, secondary: 16, body: 18, tap: 48 }

/** One finding, naming the element so it can be found: its tag, classes and text. */
export interface Violation {
  rule: 'text-size' | 'contrast' | 'tap-size' | 'tap-role' | 'overflow'
  element: string
  detail: string
}

/** Measures what is on screen now (the visible Taro page, sheets over it included). */
export const measure = (page: Page, min: Minimums): Promise<Violation[]> =>
  page.evaluate((min) => {
    type RGBA = [number, number, number, number]
    const out: { rule: string; element: string; detail: string }[] = []
    const vw = document.documentElement.clientWidth

    const parse = (c: string): RGBA | undefined => {
      const m = /rgba?\(([^)]+)\)/.exec(c)
      if (!m) return undefined
      const p = m[1]!
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number)
      return [p[0]!, p[1]!, p[2]!, p[3] ?? 1]
    }
    const lum = ([r, g, b]: RGBA) => {
      const f = (v: number) => {
        const c = v / 255
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
    }
    const ratio = (a: RGBA, b: RGBA) => {
      const [x, y] = [lum(a), lum(b)]
      return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)
    }
    const over = (top: RGBA, below: RGBA): RGBA => {
      const a = top[3]
      return [top[0] * a + below[0] * (1 - a), top[1] * a + below[1] * (1 - a), top[2] * a + below[2] * (1 - a), 1]
    }
    const describe = (el: Element) => {
      const cls = [...el.classList]
        .filter((c) => !c.startsWith('taro') && !c.startsWith('hydrated'))
        .slice(0, 4)
        .join('.')
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30)
      return `<${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}> "${text}"`
    }
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      if (r.width < 1 || r.height < 1) return false
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e)
        if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false
      }
      return true
    }
    /** The colours behind an element: its own and its ancestors' backgrounds blended, one per gradient stop. */
    const backdrops = (el: Element): RGBA[] => {
      const layers: RGBA[][] = []
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e)
        const stops = s.backgroundImage.includes('gradient')
          ? [...s.backgroundImage.matchAll(/rgba?\([^)]+\)/g)].map((m) => parse(m[0])!)
          : []
        if (stops.length > 0) {
          layers.push(stops)
          if (stops.every((c) => c[3] === 1)) break
        }
        const bg = parse(s.backgroundColor)
        if (bg && bg[3] > 0) {
          layers.push([bg])
          if (bg[3] === 1) break
        }
      }
      let results: RGBA[] = [[255, 255, 255, 1]]
      for (const layer of layers.reverse()) results = results.flatMap((below) => layer.map((c) => over(c, below)))
      return results
    }
    const opacityOf = (el: Element) => {
      let o = 1
      for (let e: Element | null = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity)
      return o
    }
    const isGrey = ([r, g, b]: RGBA) => Math.max(r, g, b) - Math.min(r, g, b) <= 10 && r >= 0x40 && r <= 0xa8

    const roots = [...document.querySelectorAll('.taro_page')].filter(visible)
    const all = roots.flatMap((root) => [root, ...root.querySelectorAll('*')])

    // Text: size by kind, and contrast.
    for (const el of all) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '')
      const field = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement
      if ((!own && !field) || !visible(el)) continue
      const s = getComputedStyle(el)
      const size = parseFloat(s.fontSize)
      const color = parse(s.color)!
      const badge = el.closest('.badge') !== null
      const kind = badge ? 'caption' : !field && isGrey(color) ? 'secondary' : 'body'
      const needed = min[kind]
      if (size < needed - 0.01)
        out.push({ rule: 'text-size', element: describe(el), detail: `${kind} text at ${size}px, needs ≥ ${needed}px` })
      if (!own) continue
      const fg: RGBA = [color[0], color[1], color[2], color[3] * opacityOf(el)]
      const worst = Math.min(...backdrops(el).map((bg) => ratio(over(fg, bg), bg)))
      if (worst < 4.5)
        out.push({
          rule: 'contrast',
          element: describe(el),
          detail: `contrast ${worst.toFixed(2)}:1 (${s.color}), needs ≥ 4.5:1`,
        })
    }

    // Tappables: height, and a role for each pointer target.
    const ROLES = ['button', 'link', 'tab', 'radio', 'checkbox', 'switch']
    const native = (el: Element) => el.matches('button, a[href], input, textarea, select, taro-button-core')
    const pointer = (el: Element) =>
      getComputedStyle(el).cursor === 'pointer' &&
      !(el.parentElement && getComputedStyle(el.parentElement).cursor === 'pointer')
    for (const el of all) {
      const role = el.getAttribute('role') ?? ''
      const tappable = ROLES.includes(role) || native(el) || pointer(el)
      if (!tappable || !visible(el)) continue
      // A native input inside Taro's wrapper: the wrapper is the box a finger hits.
      const wrapped =
        (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) &&
        el.parentElement?.matches('taro-input-core, taro-textarea-core')
      const h = (wrapped ? el.parentElement! : el).getBoundingClientRect().height
      if (h < min.tap - 0.5)
        out.push({
          rule: 'tap-size',
          element: describe(el),
          detail: `tappable ${h.toFixed(1)}px high, needs ≥ ${min.tap}px`,
        })
      if (pointer(el) && !ROLES.includes(role) && !native(el))
        out.push({ rule: 'tap-role', element: describe(el), detail: 'tappable without a role for screen readers' })
    }

    // Sideways: the page itself, and elements past the edges outside a sideways scroller.
    const scrollsSideways = (el: Element) => {
      for (let e: Element | null = el.parentElement; e; e = e.parentElement) {
        const o = getComputedStyle(e).overflowX
        if (o === 'auto' || o === 'scroll') return true
      }
      return false
    }
    const doc = document.scrollingElement ?? document.documentElement
    if (doc.scrollWidth > vw + 1)
      out.push({ rule: 'overflow', element: '<page>', detail: `page is ${doc.scrollWidth}px wide on a ${vw}px screen` })
    for (const el of all) {
      if (!visible(el) || scrollsSideways(el)) continue
      const r = el.getBoundingClientRect()
      if (r.right > vw + 1 || r.left < -1) {
        // Report the outermost offender only.
        const parent = el.parentElement
        const pr = parent?.getBoundingClientRect()
        if (pr && (pr.right > vw + 1 || pr.left < -1) && !scrollsSideways(parent!)) continue
        out.push({
          rule: 'overflow',
          element: describe(el),
          detail: `spans ${r.left.toFixed(0)}–${r.right.toFixed(0)}px on a ${vw}px screen`,
        })
      }
    }
    return out
  }, min) as Promise<Violation[]>
