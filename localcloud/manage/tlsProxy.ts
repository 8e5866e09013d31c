/**
 * How the management library reaches the local cloud. @cloudbase/manager-node sends every Tencent Cloud API call
 * to a fixed `https://<service>.tencentcloudapi.com` (only `tcb` has an override, TCB_BASE_URL); what it does
 * honour for all of them is a proxy (its `proxy` option or `http_proxy`), through which it opens a CONNECT tunnel
 * and then TLS to the real host name. So the local cloud is that proxy: it accepts CONNECT for
 * `*.tencentcloudapi.com`, answers TLS with a certificate for those names issued by a certificate authority it
 * made on first use, and serves the decrypted requests itself. The deploying process trusts that authority
 * only through NODE_EXTRA_CA_CERTS (a deploy script fetches it from `GET /manage/ca.pem`); nothing else does.
 */
import type { IncomingMessage, Server } from 'node:http';
import { createServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { createSecureContext, TLSSocket, type SecureContext } from 'node:tls';

/** The API host names the tunnel terminates. */
export const API_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)?\.tencentcloudapi\.com$/;

/** A certificate authority and the server certificate it issued for `*.tencentcloudapi.com`. */
export interface TunnelCertificates {
  caPem: string;
  context: SecureContext;
}

/** Makes a fresh authority and server certificate (EC P-256: a few milliseconds; the library loads on first use). */
export async function makeCertificates(): Promise<TunnelCertificates> {
  const { generate } = await import('selfsigned');
  const notAfterDate = new Date(Date.now() + 365 * 86_400_000);
  const ca = await generate([{ name: 'commonName', value: 'localcloud management CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: 'tencentcloudapi.com' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'subjectAltName', altNames: [{ type: 2, value: '*.tencentcloudapi.com' }] },
      { name: 'extKeyUsage', serverAuth: true },
    ],
  });
  return { caPem: ca.cert, context: createSecureContext({ key: server.private, cert: server.cert }) };
}

/**
 * Makes `server` a proxy for the API hosts: each CONNECT tunnel is answered with TLS and its requests are handed
 * to `handle`. Other CONNECT targets are refused (the local cloud reaches nothing outside this machine).
 */
export function attachTunnel(
  server: Server,
  certificates: () => Promise<TunnelCertificates>,
  handle: (req: IncomingMessage, res: import('node:http').ServerResponse) => void,
): void {
  const inner = createServer(handle);
  inner.keepAliveTimeout = 5_000;
  server.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const host = (req.url ?? '').replace(/:443$/, '');
    if (!API_HOST.test(host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    socket.on('error', () => socket.destroy());
    void certificates().then((certs) => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) socket.unshift(head);
      const tls = new TLSSocket(socket, { isServer: true, secureContext: certs.context });
      tls.on('error', () => socket.destroy());
      inner.emit('connection', tls);
    });
  });
  server.on('close', () => inner.close());
}
