import { Migration } from '@mikro-orm/migrations'

/**
 * Drops `customer(email)`. Since customer identities (Migration20261206010000) the hub finds a
 * customer by email through `customer_identity`'s key, and no query reads this index; every new
 * customer still paid for it with one more B-tree page written at a random place (customer emails
 * do not arrive in order), on the intake path.
 */
export class Migration20261206200000_customer_email_index extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop index if exists customer_email_index')
  }
}
