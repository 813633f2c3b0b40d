import { existsSync } from 'node:fs'
import PDFDocument from 'pdfkit'
import { DomainError } from '../domain/shared/errors'
import type { CardPrinter } from '../domain/grids/ports'

/**
 * The printed card needs a font with Chinese glyphs. `CARD_FONT_PATH` names one (on AWS: a file in a
 * Lambda layer); otherwise the Noto CJK font that Debian's fonts-noto-cjk installs. The PDF embeds only
 * the glyphs it uses.
 */
const candidates = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', family: 'NotoSansCJKsc-Bold' },
]

const findFont = (configured?: string): { path: string; family?: string } => {
  if (configured) {
    if (!existsSync(configured)) throw new DomainError('card.fontMissing')
    return configured.endsWith('.ttc') ? { path: configured, family: 'NotoSansCJKsc-Regular' } : { path: configured }
  }
  const found = candidates.find((c) => existsSync(c.path))
  if (!found) throw new DomainError('card.fontMissing')
  return found
}

const RED = '#c0392b'

export const pdfCardPrinter = (fontPath?: string): CardPrinter => ({
  async renderPdf(cards) {
    const font = findFont(fontPath)
    // font: null — no standard (AFM) font is loaded: they are read from pdfkit's data folder, which a bundle does not carry.
    const doc = new PDFDocument({
      size: 'A5',
      margin: 32,
      autoFirstPage: false,
      font: null as unknown as string,
      info: { Title: '网格连心服务卡', Producer: 'GridLink' },
    })
    doc.registerFont('cjk', font.path, font.family)
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
    for (const card of cards) {
      doc.addPage()
      const width = doc.page.width
      doc.rect(0, 0, width, 78).fill(RED)
      doc
        .font('cjk')
        .fillColor('#fff')
        .fontSize(24)
        .text('网格连心服务卡', 32, 18, { width: width - 64, align: 'center' })
      doc
        .fontSize(11)
        .text(`${card.streetName} · ${card.communityName} · ${card.gridName}`, 32, 50, {
          width: width - 64,
          align: 'center',
        })
      doc.fillColor('#222').fontSize(13).text('网格员', 32, 100)
      doc.fontSize(20).text(card.workerName, 32, 120)
      doc.fontSize(14).text(card.workerPhone ? `电话：${card.workerPhone}` : '电话：待公布', 32, 148)
      doc.image(card.qrPng, width - 32 - 130, 96, { width: 130 })
      doc
        .fontSize(9)
        .fillColor('#666')
        .text('微信扫码 找到您的网格', width - 32 - 130, 230, { width: 130, align: 'center' })
      doc.fillColor('#222').fontSize(13).text('楼长', 32, 260)
      doc.fontSize(11).text(card.heads.join('\n') || '待定', 32, 280, { width: width - 64 })
      doc.moveDown(0.8).fontSize(13).text('党员中心户（挂牌亮户）')
      doc.fontSize(11).text(card.partyHouseholds.join('\n') || '—', { width: width - 64 })
      // The footer sits in the bottom margin; without this pdfkit would start a new page for it.
      doc.page.margins.bottom = 0
      doc
        .fontSize(9)
        .fillColor('#666')
        .text('提议事项 · 微心愿 · 志愿活动 · 绑定房屋，扫码即可办理', 32, doc.page.height - 52, {
          width: width - 64,
          align: 'center',
          lineBreak: false,
        })
      doc
        .fontSize(7)
        .fillColor('#999')
        .text(`卡号 ${card.code}`, 32, doc.page.height - 36, { width: width - 64, align: 'center', lineBreak: false })
    }
    doc.end()
    return done
  },
})
