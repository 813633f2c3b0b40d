import { existsSync } from 'node:fs'
import PDFDocument from 'pdfkit'
import { DomainError } from '../domain/shared/errors'
import type { FeedbackPrinter } from '../domain/volunteering/ports'

/**
 * A unit's quarterly feedback card (报到单位季度反馈卡), A4, one page per unit: what its members did in the community.
 * The same CJK font as the grid cards (`CARD_FONT_PATH`, else Debian's Noto CJK); without one the route answers
 * `503 feedback.fontMissing`. Only the volunteering function carries pdfkit for it.
 */
const candidates = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
]

const findFont = (configured?: string): { path: string; family?: string } => {
  const path = configured || candidates.find((c) => existsSync(c))
  if (!path || !existsSync(path)) throw new DomainError('feedback.fontMissing')
  return path.endsWith('.ttc') ? { path, family: 'NotoSansCJKsc-Regular' } : { path }
}

const RED = '#c0392b'
const hours = (m: number) => `${Math.round((m / 60) * 10) / 10}`
const pct = (r?: number) => (r === undefined ? '—' : `${Math.round(r * 1000) / 10}%`)

export const pdfFeedbackPrinter = (fontPath?: string): FeedbackPrinter => ({
  async renderPdf(card) {
    const font = findFont(fontPath)
    const doc = new PDFDocument({
      size: 'A4',
      margin: 48,
      font: null as unknown as string,
      info: { Title: `${card.unitName} 志愿服务反馈卡`, Producer: 'GridLink' },
    })
    doc.registerFont('cjk', font.path, font.family)
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
    const width = doc.page.width - 96
    doc.rect(0, 0, doc.page.width, 90).fill(RED)
    doc
      .font('cjk')
      .fillColor('#fff')
      .fontSize(22)
      .text('在职党员双报到 · 志愿服务反馈卡', 48, 24, { width, align: 'center' })
    doc
      .fontSize(12)
      .text(`${card.streetName} ${card.communityName} · ${card.periodLabel}`, 48, 58, { width, align: 'center' })
    doc.fillColor('#222').fontSize(16).text(`致：${card.unitName}`, 48, 116)
    doc
      .fontSize(12)
      .text(`贵单位在职党员${card.periodLabel}在${card.communityName}参加志愿服务的情况如下，特此反馈。`, { width })
    doc.moveDown()
    const t = card.totals
    const figures = [
      ['已报到党员', `${t.members} 人`],
      ['参与服务党员', `${t.servingMembers} 人`],
      ['服务人次', `${t.services}`],
      ['参与活动', `${t.activities} 场`],
      ['服务时长', `${hours(t.minutes)} 小时`],
      ['报到率', pct(t.reportRate)],
      ['服务完成率', pct(t.serviceRate)],
    ]
    for (const [label, value] of figures) doc.fontSize(12).text(`${label}：${value}`, { width })
    doc.moveDown().fontSize(14).text('党员服务情况')
    doc.fontSize(11)
    if (card.people.length === 0) doc.text('本期暂无记录。')
    for (const p of card.people) doc.text(`${p.name}\u3000服务 ${p.services} 次，${hours(p.minutes)} 小时`, { width })
    doc.moveDown().fontSize(14).text('参与的活动')
    doc.fontSize(11)
    if (card.activities.length === 0) doc.text('本期暂无记录。')
    for (const a of card.activities)
      doc.text(`${a.date}\u3000${a.title}\u3000${a.people} 人，${hours(a.minutes)} 小时`, { width })
    doc.moveDown(2).fontSize(12).text(`${card.communityName}（盖章）`, { width, align: 'right' })
    doc
      .fontSize(10)
      .fillColor('#666')
      .text(`打印时间：${card.printedAt}\u3000数据来源：网格连心平台记录`, { width, align: 'right' })
    doc.end()
    return done
  },
})
