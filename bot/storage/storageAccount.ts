import { TableClient, TableServiceClient, type TableServiceClientOptions } from '@azure/data-tables';
import { DefaultAzureCredential } from '@azure/identity';
import type { StorageConfig } from '../config';

/**
 * Every table the app uses, by logical name. A deployment may prefix the physical names
 * (TABLE_PREFIX), which is how tests give each run its own tables in one Azurite.
 */
export const TABLES = {
  cases: 'Cases',
  botState: 'BotState',
  conversationRefs: 'ConversationRefs',
  roles: 'Roles',
  roleAudit: 'RoleAudit',
  plans: 'Plans',
  caseLinks: 'CaseLinks',
  notifications: 'Notifications',
  justifications: 'Justifications',
  webDrafts: 'WebDrafts',
  webStatusLinks: 'WebStatusLinks',
  rateLimits: 'RateLimits',
} as const;

export type TableName = keyof typeof TABLES;

export class StorageAccount {
  private readonly clients = new Map<string, TableClient>();
  private readonly service: TableServiceClient;

  constructor(
    private readonly config: StorageConfig,
    private readonly prefix = '',
  ) {
    this.service =
      config.kind === 'connectionString'
        ? TableServiceClient.fromConnectionString(config.connectionString, this.options())
        : new TableServiceClient(config.accountUrl, new DefaultAzureCredential(), this.options());
  }

  private options(): TableServiceClientOptions {
    // Azurite runs on plain http on loopback; Azure itself is always https.
    return { allowInsecureConnection: this.config.kind === 'connectionString' };
  }

  physicalName(name: TableName): string {
    return `${this.prefix}${TABLES[name]}`;
  }

  table(name: TableName): TableClient {
    const physical = this.physicalName(name);
    let client = this.clients.get(physical);
    if (!client) {
      client =
        this.config.kind === 'connectionString'
          ? TableClient.fromConnectionString(this.config.connectionString, physical, this.options())
          : new TableClient(this.config.accountUrl, physical, new DefaultAzureCredential(), this.options());
      this.clients.set(physical, client);
    }
    return client;
  }

  /** Creates every table that does not exist yet; safe to call on every start. */
  async ensureTables(names = Object.keys(TABLES) as TableName[]): Promise<void> {
    await Promise.all(names.map((name) => this.table(name).createTable()));
  }

  /** Cheap round trip used by /healthz: lists at most one table. */
  async ping(): Promise<void> {
    const pages = this.service.listTables().byPage({ maxPageSize: 1 });
    await pages.next();
  }
}
