import { chmodSync, mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerOptions } from 'node:http';

/**
 * What keeps the preview host (`npm run preview`) to the one browser tab it printed the address
 * for: it is reachable by every program and web page on this computer, so it checks who is asking.
 */

/**
 * DNS rebinding: a web page elsewhere can point its own name at 127.0.0.1 and then talk to us
 * "same-origin" from its point of view. Its requests still carry its name in Host (and Origin),
 * so only our own loopback address is answered. Requests without Origin (same-origin GETs,
 * command-line tools) are fine: they still need the token for anything that matters.
 */
export function comesFromOwnAddress(req: IncomingMessage, port: number): boolean {
  const own = `127.0.0.1:${port}`;
  if (req.headers.host !== own) return false;
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${own}`;
}

export class BodyTooLarge extends Error {}
export class MalformedBody extends Error {}

/** The whole body as text, refusing (BodyTooLarge) at more than `max` bytes, announced or sent. */
export async function readBody(req: IncomingMessage, max: number): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > max) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A test hook's body: a JSON object, or MalformedBody (answered 400, never 500). */
export async function readJsonObject(req: IncomingMessage, max: number): Promise<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readBody(req, max));
  } catch (error) {
    if (error instanceof BodyTooLarge) throw error;
    throw new MalformedBody();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new MalformedBody();
  return parsed as Record<string, unknown>;
}

/**
 * A client that sends its headers or body slowly holds a connection (and memory) open; Node
 * answers 408 and closes once the whole request has not arrived within `ms`. Streams of events
 * are responses, which these limits do not touch.
 */
export function slowRequestLimits(ms: number): ServerOptions {
  return { requestTimeout: ms, headersTimeout: ms, connectionsCheckingInterval: Math.max(25, Math.min(1_000, Math.floor(ms / 4))) };
}

/** The vault's folder, readable by this user only (a browser preview is still a real vault). */
export function makePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}
