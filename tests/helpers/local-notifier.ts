import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real notifier on 127.0.0.1 (random port) that keeps every request, answers repeats of
 * an Idempotency-Key without delivering again, and can go down and come back on its port.
 */
export class LocalNotifier {
  readonly requests: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }> = [];
  readonly delivered: string[] = [];
  private readonly seen = new Set<string>();
  private server: http.Server | null = null;
  port = 0;

  async up(): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        const key = req.headers['idempotency-key'];
        if (typeof key === 'string' && !this.seen.has(key)) {
          this.seen.add(key);
          this.delivered.push(body);
        }
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  url(topic = 'sam-topic'): string {
    return `http://127.0.0.1:${this.port}/${topic}`;
  }
}

