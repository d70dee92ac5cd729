import { Migration } from '@mikro-orm/migrations';

export class Migration20261201214328 extends Migration {

  override name = 'Migration20261201214328';

  override up(): void | Promise<void> {
    this.addSql(`alter table "account_health" add "signature" varchar(64) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "account_health" drop column "signature";`);
  }

}
