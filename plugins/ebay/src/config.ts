import { secret } from '@switchyard/plugin-sdk'
import { z } from 'zod'
import { readablePrivateKey } from './signature'

/** The scopes the seller grants the application: orders and refunds, and listings' stock and prices. */
export const DEFAULT_SCOPES = [
  'https://api.ebay.com/oauth/api_scope/sell.fulfillment',
  'https://api.ebay.com/oauth/api_scope/sell.inventory',
]

export const ebayConfig = z
  .object({
    /** The REST API root: `https://api.ebay.com`, or `https://api.sandbox.ebay.com` for the sandbox. */
    apiUrl: z.url().default('https://api.ebay.com'),
    /** eBay's OAuth token endpoint (the sandbox's is on api.sandbox.ebay.com). */
    tokenUrl: z.url().default('https://api.ebay.com/identity/v1/oauth2/token'),
    /** The application's App ID (client id). */
    clientId: z.string().min(1, 'is required'),
    clientSecret: secret("the application's Cert ID (client secret)"),
    refreshToken: secret("the seller's refresh token from the authorization code grant (v^1.1#…)"),
    /** Scopes asked for on refresh: the same as, or fewer than, the seller consented to. */
    scopes: z.array(z.string().min(1)).min(1).default(DEFAULT_SCOPES),
    /** The marketplace of the seller's listings (`X-EBAY-C-MARKETPLACE-ID`, getOffers `marketplace_id`). */
    marketplaceId: z
      .string()
      .regex(/^EBAY_[A-Z]{2,4}(_[A-Z]+)?$/, 'must be an eBay marketplace id such as EBAY_US or EBAY_AU')
      .default('EBAY_US'),
    /** Where the first poll starts; later polls resume from the stored cursor. */
    reconcileFrom: z.iso.datetime({ offset: true }).optional(),
    /** Each poll window reaches back this far (eBay's last-modified dates can land late). */
    lookbackSec: z.number().int().min(0).max(3600).default(300),
    /** getOrders `limit` (eBay allows up to 200). */
    pageSize: z.number().int().min(1).max(200).default(100),
    /** Client-side pace of API calls: eBay's daily call limits, spread out (5/s ≈ 432,000 a day). */
    callsPerSec: z.number().positive().max(100).default(5),
    /** Push the hub's prices to the listings' offers (bulkUpdatePriceQuantity). */
    prices: z.boolean().default(true),
    /**
     * The Marketplace Account Deletion endpoint exactly as registered with eBay
     * (`<SWITCHYARD_PUBLIC_URL>/webhooks/<instance>/account-deletion`): part of the challenge hash.
     */
    deletionEndpoint: z.url().optional(),
    /** The verification token registered with it (32 to 80 of A–Z, a–z, 0–9, `_`, `-`). */
    deletionVerificationToken: secret('the Marketplace Account Deletion verification token').optional(),
    /**
     * Sellers domiciled in the EU or the UK: the keypair from eBay's Key Management API
     * (`createSigningKey`), so refunds and Post-Order cancellations carry eBay's digital signature.
     * The public key as JWE …
     */
    signingKeyJwe: secret("the signing key's public key as JWE (Key Management API)").optional(),
    /** … and its private key (PEM, or the base64 `privateKey` as createSigningKey returns it). */
    signingPrivateKey: secret("the signing key's private key (Ed25519 or RSA)").optional(),
    /** Ask eBay to check the signatures even where it would not (`x-ebay-enforce-signature`), to test a key. */
    enforceSignatures: z.boolean().default(false),
    timeoutMs: z.number().int().min(100).max(60_000).default(15_000),
  })
  .superRefine((c, ctx) => {
    if (!c.signingKeyJwe !== !c.signingPrivateKey)
      ctx.addIssue({
        code: 'custom',
        path: [c.signingKeyJwe ? 'signingPrivateKey' : 'signingKeyJwe'],
        message: 'signingKeyJwe and signingPrivateKey go together: set both or neither',
      })
    else if (c.signingPrivateKey && !readablePrivateKey(c.signingPrivateKey))
      ctx.addIssue({
        code: 'custom',
        path: ['signingPrivateKey'],
        message: 'is not an Ed25519 or RSA private key (PEM or base64 PKCS #8)',
      })
  })

export type EbayConfig = z.output<typeof ebayConfig>

/** The signing keypair, when the seller has one (both halves, or the config is refused). */
export const signingKeyOf = (c: EbayConfig) =>
  c.signingKeyJwe && c.signingPrivateKey
    ? { jwe: c.signingKeyJwe, privateKey: c.signingPrivateKey }
    : undefined
