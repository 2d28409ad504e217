// TLS towards PostgreSQL, by libpq's sslmode names. node-postgres reads `sslmode` from a connection string with its own
// meanings (`require` verifies the certificate there), so the store is given the mode explicitly and sets Node's TLS
// options itself; the connection string it uses carries no TLS parameters.
import type { ConnectionOptions } from 'node:tls';

export type PostgresSslMode = 'disable' | 'require' | 'verify-ca' | 'verify-full';

export interface PostgresSsl {
  readonly mode: PostgresSslMode;
  /** PEM certificate(s) of the CA(s) the server's certificate must chain to; Node's trusted CAs when absent. */
  readonly ca?: string;
}

/** The `ssl` option of a pg Pool for `ssl`: false for a plain TCP connection. */
export function postgresTlsOptions(ssl: PostgresSsl): false | ConnectionOptions {
  const ca = ssl.ca === undefined ? {} : { ca: ssl.ca };
  switch (ssl.mode) {
    case 'disable':
      return false;
    case 'require':
      // Encrypted, but the certificate is not checked (libpq's `require` without a root certificate).
      return { rejectUnauthorized: false };
    case 'verify-ca':
      // The chain is verified; the host name is not compared with the certificate.
      return { ...ca, rejectUnauthorized: true, checkServerIdentity: () => undefined };
    case 'verify-full':
      return { ...ca, rejectUnauthorized: true };
  }
}
