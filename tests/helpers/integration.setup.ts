import { inject } from 'vitest'

// The functions read their settings from the environment, as on Lambda; point them at the test stack.
const stack = inject('stack')
Object.assign(process.env, {
  STAGE: 'local',
  TABLE_NAME: stack.tableName,
  DYNAMODB_ENDPOINT: stack.dynamodbEndpoint,
  WECHAT_API_BASE: stack.wechatApiBase,
  WECHAT_APPID: 'wxtest',
  WECHAT_SECRET: 'test-wechat-secret',
  // The stand-in signs the photo verdicts it keeps at /_sink/media-checks with the same token (localStack.globalSetup.ts).
  WECHAT_PUSH_TOKEN: 'test-push-token',
  WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify({
    progress: 'tmpl-progress',
    community: 'tmpl-community',
    task: 'tmpl-task',
    points: 'tmpl-points',
    volunteer: 'tmpl-volunteer',
    wish: 'tmpl-wish',
  }),
  SESSION_SECRET: 'test-session-secret',
  CARD_SECRET: 'test-card-secret',
  APP_URL: 'http://localhost:10086',
  S3_ENDPOINT: stack.s3Endpoint,
  PHOTO_BUCKET: 'gridlink-local-photos',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  // One log line per request is for operators; the tests' own output shows what failed.
  POWERTOOLS_LOG_LEVEL: 'WARN',
})
