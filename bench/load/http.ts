/**
 * A minimal HTTP/1.1 JSON client on node:http: no client-side timeouts (a full rescoring may
 * take minutes) and an explicit keep-alive agent with unlimited sockets, so an open-loop sender
 * is never throttled by a connection pool.
 */
import { Agent, request } from 'node:http';

export interface HttpResult {
  status: number; // 0 when the request failed at the socket level
  body: string;
  error?: string;
}

export function keepAliveAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: Infinity });
}

/** The firm and the Bearer token a benchmark calls as. */
export interface BenchCaller {
  tenant: string;
  token: string;
}

export function httpCall(agent: Agent, url: string, method: string, caller: BenchCaller, body?: unknown): Promise<HttpResult> {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = { 'x-tenant-id': caller.tenant, authorization: `Bearer ${caller.token}` };
    if (payload !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
    const req = request(url, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error) => resolve({ status: 0, body: '', error: error.message }));
    });
    req.on('error', (error) => resolve({ status: 0, body: '', error: error.message }));
    req.end(payload);
  });
}
