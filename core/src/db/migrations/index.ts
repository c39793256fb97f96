import type { MigrationObject } from '@mikro-orm/core'
import { Migration20261126000001_initial } from './Migration20261126000001_initial'

/** Listed in code rather than discovered on disk, so the hub runs the same from source or a bundle. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261126000001_initial', class: Migration20261126000001_initial },
]
