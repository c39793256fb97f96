import { weekdays } from '@switchyard/core'
import { z } from 'zod'

/**
 * A set of weekdays in a body (`["mon", "tue"]`): each named once, from `min` to `max` of them.
 * A list that names every day, or none, can make a promise date unreachable, so callers bound it.
 */
export function weekdaySet(min: number, max: number) {
  return z
    .array(z.enum(weekdays))
    .min(min, min === 1 ? 'name at least one weekday' : `name at least ${min} weekdays`)
    .max(max, `name at most ${max} weekdays`)
    .refine((days) => new Set(days).size === days.length, 'names a weekday twice')
}
