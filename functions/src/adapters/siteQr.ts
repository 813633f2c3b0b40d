import QRCode from 'qrcode'
import type { SiteQr } from '../domain/volunteering/ports'

/** The on-site check-in code as a QR (a PNG data URL) the organiser's phone shows full screen; the mini-program scans its text. */
export const siteQr: SiteQr = {
  png: (code) => QRCode.toDataURL(code, { errorCorrectionLevel: 'M', margin: 2, width: 480 }),
}
