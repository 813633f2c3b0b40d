import { z } from 'zod'
import { CheckMethod, Hardship, WishCategory, WishStatus } from '../../../../contracts/microWishes'
import type { WishRecord } from '../../domain/microWishes/model'

/** The JSON body of a wish, checked on every read. */
export const WishBody = z.object({
  wishId: z.string(),
  communityId: z.string(),
  placePath: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  gridPath: z.string(),
  beneficiary: z.object({
    householdId: z.string(),
    buildingId: z.string(),
    buildingName: z.string(),
    unit: z.string(),
    room: z.string(),
    name: z.string(),
    phone: z.string().optional(),
  }),
  posterId: z.string(),
  posterName: z.string(),
  posterPhone: z.string().optional(),
  onBehalf: z.boolean(),
  title: z.string(),
  text: z.string(),
  categoryId: WishCategory,
  photoKeys: z.array(z.string()),
  wantedBy: z.string(),
  status: WishStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  returnNote: z.string().optional(),
  refusedReason: z.string().optional(),
  closedReason: z.string().optional(),
  vetting: z
    .object({
      method: CheckMethod,
      note: z.string(),
      hardship: Hardship,
      points: z.number(),
      claimDays: z.number(),
      byId: z.string(),
      byName: z.string(),
      at: z.string(),
    })
    .optional(),
  publishedAt: z.string().optional(),
  onWallSince: z.string().optional(),
  claim: z
    .object({
      claimId: z.string(),
      userId: z.string(),
      name: z.string(),
      phone: z.string().optional(),
      unitId: z.string().optional(),
      unitName: z.string().optional(),
      claimedAt: z.string(),
      deadline: z.string(),
      remindedAt: z.string().optional(),
    })
    .optional(),
  claims: z.number(),
  fulfilment: z
    .object({ note: z.string(), photoKeys: z.array(z.string()), at: z.string(), autoConfirmAt: z.string() })
    .optional(),
  dispute: z.object({ reason: z.string(), at: z.string(), byId: z.string() }).optional(),
  confirmation: z.object({ at: z.string(), byId: z.string(), byName: z.string(), auto: z.boolean() }).optional(),
  thanks: z.object({ text: z.string(), at: z.string(), byId: z.string().optional(), byName: z.string() }).optional(),
  credited: z.object({ amount: z.number(), transferId: z.string(), at: z.string() }).optional(),
}) satisfies z.ZodType<Omit<WishRecord, 'version'>, z.ZodTypeDef, unknown>
