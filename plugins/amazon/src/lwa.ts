import { oauth2Client } from '@switchyard/plugin-sdk'
import type { AmazonConfig } from './config'

/**
 * Login with Amazon through the SDK's OAuth 2 client: the access token is refreshed from the
 * seller's refresh token (client id and secret in the form body, as LWA takes them) and kept in
 * plugin state sealed with the client secret, so every hub process and restart reuses it (LWA
 * tokens live an hour). SP-API takes it bare in `x-amz-access-token` and answers an expired or
 * revoked one with 403, so a 403 refreshes it once.
 */
export const lwa = oauth2Client((c: AmazonConfig) => ({
  tokenUrl: c.tokenUrl,
  clientId: c.clientId,
  clientSecret: c.clientSecret,
  grant: { type: 'refresh_token', refreshToken: c.refreshToken },
  clientAuth: 'body',
  tokenHeader: 'x-amz-access-token',
  staleStatuses: [401, 403],
  stateKey: 'lwa-access-token',
  timeoutMs: c.timeoutMs,
  name: 'Login with Amazon',
}))
