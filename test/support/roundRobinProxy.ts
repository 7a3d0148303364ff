import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { postActivity } from './botProcess';

export interface ProxyOptions {
  /**
   * Called with each backend's answer before it is passed on. Returning false drops it: the client's
   * connection is closed without an answer, as when the instance died after doing the work.
   */
  beforeResponse?: (backend: number, status: number) => boolean | Promise<boolean>;
}

/**
 * A load balancer on loopback: each request goes to the next backend in turn. A backend that is
 * down or dies mid-request gives the client a 502 (or a dropped connection), and the client sends
 * the request again, as Teams does when it gets no 200.
 */
export class RoundRobinProxy {
  /** Requests forwarded to each backend, and how many of them failed there. */
  readonly forwarded: number[];
  readonly failed: number[];
  private next = 0;

  private constructor(
    private readonly server: http.Server,
    private readonly backends: string[],
    private readonly options: ProxyOptions,
  ) {
    this.forwarded = backends.map(() => 0);
    this.failed = backends.map(() => 0);
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  static async start(backends: string[], options: ProxyOptions = {}): Promise<RoundRobinProxy> {
    const server = http.createServer();
    const proxy = new RoundRobinProxy(server, backends, options);
    server.on('request', (req, res) => proxy.forward(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** POSTs an activity through the proxy (no retry; a dropped answer is status 0). */
  post(body: unknown): Promise<{ status: number; body: string }> {
    return postActivity(this.url, body);
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    const index = this.next++ % this.backends.length;
    this.forwarded[index]!++;
    const target = new URL(req.url ?? '/', this.backends[index]);
    const fail = () => {
      this.failed[index]!++;
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end('{"error":"backend unavailable"}');
    };
    const upstream = http.request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host }, agent: false },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('error', fail);
        answer.on('end', () => {
          void Promise.resolve(this.options.beforeResponse?.(index, answer.statusCode ?? 0) ?? true).then(
            (pass) => {
              if (!pass) {
                this.failed[index]!++;
                res.destroy();
                return;
              }
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(Buffer.concat(chunks));
            },
          );
        });
      },
    );
    upstream.on('error', fail);
    req.pipe(upstream);
  }
}
