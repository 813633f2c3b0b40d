import { pointsExportRoutes } from '../../../contracts/pointsBankRoutes'
import { pdfPassbookPrinter } from '../adapters/passbookPrinter'
import { xlsxWriter } from '../adapters/xlsx'
import { exportTransfers } from '../domain/pointsBank/exportLedger'
import { printPassbook } from '../domain/pointsBank/passbook'
import { httpHandler, implement } from '../http/router'

/** The points bank's printouts and exports: the only function carrying pdfkit and the spreadsheet writer. */
export const routes = implement(pointsExportRoutes, {
  printPassbook: async ({ query }, ctx) => ({
    binary: await printPassbook(ctx.deps, ctx, query, pdfPassbookPrinter(ctx.deps.config.cardFontPath)),
    contentType: 'application/pdf',
    filename: '积分存折.pdf',
  }),
  exportTransfers: async ({ params, query }, ctx) => ({
    binary: await exportTransfers(ctx.deps, ctx, { ...params, ...query }, xlsxWriter),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `积分台账-${query.month}.xlsx`,
  }),
})
export const handler = httpHandler(routes)
