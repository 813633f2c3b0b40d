import { existsSync } from 'node:fs'
import PDFDocument from 'pdfkit'
import { DomainError } from '../domain/shared/errors'
import type { PassbookPrinter } from '../domain/pointsBank/ports'

/*
 * 积分存折 on paper (A4, large type for older residents): the same CJK font rule as the grid card
 * (adapters/cardPrinter.ts): `CARD_FONT_PATH`, else Debian's Noto CJK; without one, `print.fontMissing`.
 */
const candidates = [{ path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' }]

const findFont = (configured?: string): { path: string; family?: string } => {
  if (configured) {
    if (!existsSync(configured)) throw new DomainError('print.fontMissing')
    return configured.endsWith('.ttc') ? { path: configured, family: 'NotoSansCJKsc-Regular' } : { path: configured }
  }
  return (
    candidates.find((c) => existsSync(c.path)) ??
    (() => {
      throw new DomainError('print.fontMissing')
    })()
  )
}

const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
const signed = (n: number) => (n > 0 ? `+${n}` : String(n))
const RED = '#c0392b'

export const pdfPassbookPrinter = (fontPath?: string): PassbookPrinter => ({
  async renderPdf(book) {
    const font = findFont(fontPath)
    const doc = new PDFDocument({
      size: 'A4',
      margin: 48,
      font: null as unknown as string,
      info: { Title: '积分存折', Producer: 'GridLink' },
    })
    doc.registerFont('cjk', font.path, font.family)
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
    const width = doc.page.width - 96
    const cols = [
      { title: '日期', x: 48, w: 110 },
      { title: '事由', x: 160, w: 190 },
      { title: '来源', x: 352, w: 90 },
      { title: '积分', x: 444, w: 50, align: 'right' as const },
      { title: '结余', x: 496, w: 50, align: 'right' as const },
    ]
    const header = () => {
      doc.font('cjk').fontSize(22).fillColor(RED).text('积分存折', 48, 48, { width, align: 'center' })
      doc
        .fontSize(13)
        .fillColor('#222')
        .text(`${book.communityName} · ${book.residentName}${book.household ? ` · ${book.household}` : ''}`, 48, 84, {
          width,
          align: 'center',
        })
      doc
        .fontSize(11)
        .fillColor('#555')
        .text(`当前结余 ${book.balance} 分 · 打印于 ${beijing(book.printedAt)}（北京时间）`, 48, 106, {
          width,
          align: 'center',
        })
      let y = 136
      doc.fontSize(12).fillColor('#222')
      for (const c of cols) doc.text(c.title, c.x, y, { width: c.w, align: c.align ?? 'left' })
      y += 20
      doc
        .moveTo(48, y)
        .lineTo(48 + width, y)
        .strokeColor('#999')
        .stroke()
      return y + 6
    }
    let y = header()
    if (book.entries.length === 0) doc.fontSize(12).text('暂无积分记录', 48, y, { width, align: 'center' })
    for (const e of book.entries) {
      const cells = [beijing(e.at), e.reason, e.source, signed(e.delta), String(e.balanceAfter)]
      const h = Math.max(...cells.map((t, i) => doc.fontSize(12).heightOfString(t, { width: cols[i]!.w }))) + 8
      if (y + h > doc.page.height - 60) {
        doc.addPage()
        y = header()
      }
      cells.forEach((t, i) =>
        doc
          .fillColor(i === 3 && e.delta < 0 ? '#a93226' : '#222')
          .text(t, cols[i]!.x, y, { width: cols[i]!.w, align: cols[i]!.align ?? 'left' }),
      )
      y += h
    }
    doc.end()
    return done
  },
})
