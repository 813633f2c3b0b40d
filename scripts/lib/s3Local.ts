import { mkdirSync } from 'node:fs'
// s3rver ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => {
  run(): Promise<unknown>
  close(): Promise<void>
  httpServer?: import('node:http').Server
}

const cors = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`

/** The local stand-in for S3 (s3rver, pure Node): the photo bucket, with CORS for the H5 build's presigned PUTs. */
export const startS3Local = async (options: { port: number; directory: string; bucket: string }) => {
  mkdirSync(options.directory, { recursive: true })
  const server = new S3rver({
    port: options.port,
    address: '127.0.0.1',
    silent: true,
    directory: options.directory,
    configureBuckets: [{ name: options.bucket, configs: [cors] }],
  })
  await server.run()
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    stop: () => server.close(),
    /** Calls back if its HTTP server closes or fails while running (it runs in the process that started it). */
    onFailure: (callback: (why: string) => void) => {
      server.httpServer?.once('close', () => callback('its HTTP server closed'))
      server.httpServer?.once('error', (error) => callback(error.message))
    },
  }
}
