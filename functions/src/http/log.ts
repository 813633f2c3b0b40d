import { Logger } from '@aws-lambda-powertools/logger'

/**
 * One structured logger for every function (Powertools: JSON lines with level, time, service, and what each
 * call adds). `POWERTOOLS_LOG_LEVEL` sets the level (the tests keep it at WARN).
 */
export const logger = new Logger({ serviceName: 'gridlink' })
