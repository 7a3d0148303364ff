import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { azuriteConnectionString, type StorageConfig } from '../../bot/config';

/** One request the app made of Table Storage: its method and the table (or `$batch`, `Tables`). */
export interface StorageRequest {
  method: string;
  table: string;
  /**
   * The answer's status, and for a transaction (`$batch`, answered 202 as a whole) the statuses of
   * the operations inside it, where a lost ETag race shows as 412 (or 409 for a row created first).
   */
  statuses: number[];
}

/**
 * A pass-through proxy on loopback in front of the test Azurite that writes down every request the
 * app makes of Table Storage, so a test can say how many round trips a turn costs. Requests and
 * answers pass unchanged (the shared-key signature does not cover the host).
 */
export class StorageRequestLog {
  readonly requests: StorageRequest[] = [];

  private constructor(private readonly server: http.Server) {}

  static async start(azurite: StorageConfig): Promise<StorageRequestLog> {
    if (azurite.kind !== 'connectionString') throw new Error('the request log stands in front of Azurite');
    const endpoint = /TableEndpoint=(http:\/\/[^;/]+)/.exec(azurite.connectionString)?.[1];
    if (!endpoint) throw new Error('no TableEndpoint in the Azurite connection string');
    const server = http.createServer();
    const log = new StorageRequestLog(server);
    server.on('request', (req, res) => {
      const path = new URL(req.url ?? '/', endpoint).pathname;
      // /devstoreaccount1/<Table>(PartitionKey='…',RowKey='…') → <Table>
      const logged: StorageRequest = {
        method: req.method ?? '',
        table: path.split('/')[2]?.replace(/\(.*$/, '') ?? '',
        statuses: [],
      };
      log.requests.push(logged);
      const upstream = http.request(
        `${endpoint}${req.url}`,
        { method: req.method, headers: req.headers },
        (answer) => {
          logged.statuses.push(answer.statusCode ?? 502);
          if (logged.table === '$batch') {
            let body = '';
            answer.on('data', (chunk: Buffer) => (body += chunk.toString('latin1')));
            answer.on('end', () => {
              for (const [, status] of body.matchAll(/^HTTP\/1\.1 (\d{3})/gm))
                logged.statuses.push(Number(status));
            });
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return log;
  }

  /** Storage the app is configured with so that its requests pass through this log. */
  get storage(): StorageConfig {
    const { port } = this.server.address() as AddressInfo;
    return { kind: 'connectionString', connectionString: azuriteConnectionString('127.0.0.1', port) };
  }

  /** The requests made to tables whose name ends with `table` since `from` (an index into requests). */
  to(table: string, from = 0): string[] {
    return this.requests
      .slice(from)
      .filter((r) => r.table.endsWith(table))
      .map((r) => r.method);
  }

  /** How many writes since `from` lost a race: answered 412 or 409, alone or inside a transaction. */
  conflicts(from = 0): number {
    return this.requests
      .slice(from)
      .flatMap((r) => r.statuses)
      .filter((status) => status === 412 || status === 409).length;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
