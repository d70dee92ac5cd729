import { Migration } from '@mikro-orm/migrations';

export class Migration20261202000445 extends Migration {

  override name = 'Migration20261202000445';

  override up(): void | Promise<void> {
    this.addSql(`create table \`event_field_versions\` (\`tenant_id\` text not null, \`entity_id\` text not null, \`field\` text not null, \`occurred_at\` datetime not null, \`event_id\` text not null, primary key (\`tenant_id\`, \`entity_id\`, \`field\`));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`event_field_versions\`;`);
  }

}
