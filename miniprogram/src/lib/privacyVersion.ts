/** The privacy notice's version (隐私政策): bump it when the notice changes what is collected, and everyone is asked again. */
export const PRIVACY_VERSION = '2025-11'
