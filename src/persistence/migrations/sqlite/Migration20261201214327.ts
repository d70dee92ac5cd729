import { Migration } from '@mikro-orm/migrations';

export class Migration20261201214327 extends Migration {

  override name = 'Migration20261201214327';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`account_health\` add column \`signature\` text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`account_health\` drop column \`signature\`;`);
  }

}
