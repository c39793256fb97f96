import { z } from 'zod'

export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as NZ')

export const addressSchema = z.strictObject({
  name: z.string().max(200).optional(),
  company: z.string().max(200).optional(),
  line1: z.string().min(1).max(300),
  line2: z.string().max(300).optional(),
  city: z.string().max(120).optional(),
  region: z.string().max(120).optional(),
  postcode: z.string().max(20).optional(),
  country: countryCode,
  phone: z.string().max(40).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
})

export type Address = z.infer<typeof addressSchema>
