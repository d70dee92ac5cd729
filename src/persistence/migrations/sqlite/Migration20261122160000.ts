import { Migration } from '@mikro-orm/migrations';

export class Migration20261122160000 extends Migration {

  override name = 'Migration20261122160000';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`tenants\` add column \`plugins\` json null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`tenants\` drop column \`plugins\`;`);
  }

}
