/** The local stack's settings, shared by `npm start`, the print command and the browser tests. */
export const localEnv = (o: {
  dynamodbEndpoint: string
  wechatApiBase: string
  appUrl: string
  s3Endpoint: string
  tableName?: string
  stage?: string
}) => ({
  STAGE: o.stage ?? 'local',
  TABLE_NAME: o.tableName ?? 'gridlink-local',
  DYNAMODB_ENDPOINT: o.dynamodbEndpoint,
  WECHAT_API_BASE: o.wechatApiBase,
  WECHAT_APPID: 'wxlocaldemo00000000',
  WECHAT_SECRET: 'local-wechat-secret',
  // The local WeChat stand-in signs its message pushes (photo verdicts) with it, as WeChat does with the console's Token.
  WECHAT_PUSH_TOKEN: 'local-wechat-push-token',
  WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify({
    progress: 'local-tmpl-progress',
    community: 'local-tmpl-community',
    task: 'local-tmpl-task',
    points: 'local-tmpl-points',
    volunteer: 'local-tmpl-volunteer',
    wish: 'local-tmpl-wish',
  }),
  SESSION_SECRET: process.env.SESSION_SECRET ?? 'local-session-secret-not-for-production',
  CARD_SECRET: process.env.CARD_SECRET ?? 'local-card-secret-not-for-production',
  APP_URL: o.appUrl,
  S3_ENDPOINT: o.s3Endpoint,
  PHOTO_BUCKET: 'gridlink-local-photos',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  AWS_REGION: 'ap-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
})
