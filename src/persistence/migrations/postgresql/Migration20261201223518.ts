import { Migration } from '@mikro-orm/migrations';

export class Migration20261201223518 extends Migration {

  override name = 'Migration20261201223518';

  override up(): void | Promise<void> {
    this.addSql(`create index "accounts_tenant_id_id_index" on "accounts" ("tenant_id", "id");`);

    this.addSql(`create index "contracts_tenant_id_account_id_index" on "contracts" ("tenant_id", "account_id");`);

    this.addSql(`create index "engagements_tenant_id_account_id_index" on "engagements" ("tenant_id", "account_id");`);

    this.addSql(`create index "opportunities_tenant_id_account_id_index" on "opportunities" ("tenant_id", "account_id");`);

    this.addSql(`create index "service_issues_tenant_id_account_id_index" on "service_issues" ("tenant_id", "account_id");`);

    this.addSql(`create index "stakeholders_tenant_id_account_id_index" on "stakeholders" ("tenant_id", "account_id");`);

    this.addSql(`create index "team_assignments_tenant_id_account_id_index" on "team_assignments" ("tenant_id", "account_id");`);

    this.addSql(`create index "wallet_estimates_tenant_id_account_id_index" on "wallet_estimates" ("tenant_id", "account_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "accounts_tenant_id_id_index";`);

    this.addSql(`drop index "contracts_tenant_id_account_id_index";`);

    this.addSql(`drop index "engagements_tenant_id_account_id_index";`);

    this.addSql(`drop index "opportunities_tenant_id_account_id_index";`);

    this.addSql(`drop index "service_issues_tenant_id_account_id_index";`);

    this.addSql(`drop index "stakeholders_tenant_id_account_id_index";`);

    this.addSql(`drop index "team_assignments_tenant_id_account_id_index";`);

    this.addSql(`drop index "wallet_estimates_tenant_id_account_id_index";`);
  }

}
