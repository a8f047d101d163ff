import http from 'node:http';
import https from 'node:https';
import type { HttpPost } from './ports.ts';
import { webhookUrlProblem } from '../../../preload/contract/signals.ts';

/** Answers larger than this are not read further; only the status matters. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * The HttpPost port over node:http/https (plain Node, so it also runs in Electron's main
 * process and in the test host). One POST with exactly the given headers and body: no
 * redirects followed, no cookies, no keep-alive, no proxy, TLS verified. The URL is
 * checked again here so nothing but an https (or loopback http) address is ever reached.
 */
export function createNodeHttpPost(): HttpPost {
  return (url, { headers, body, timeoutMs }) =>
    new Promise((resolve, reject) => {
      const problem = webhookUrlProblem(url);
      if (problem) {
        reject(new Error(problem));
        return;
      }
      const target = new URL(url);
      const payload = Buffer.from(body, 'utf8');
      const request = (target.protocol === 'https:' ? https : http).request(
        target,
        {
          method: 'POST',
          agent: false,
          headers: { ...headers, 'Content-Length': String(payload.length) },
          timeout: timeoutMs,
        },
        (response) => {
          let received = 0;
          response.on('data', (chunk: Buffer) => {
            received += chunk.length;
            if (received > MAX_RESPONSE_BYTES) response.destroy();
          });
          response.on('close', () => resolve({ status: response.statusCode ?? 0 }));
          response.on('error', () => resolve({ status: response.statusCode ?? 0 }));
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', reject);
      request.end(payload);
    });
}
