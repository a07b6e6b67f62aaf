import { createHash, X509Certificate } from 'node:crypto';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { DaxError } from '@dax/protocol';
import type * as UndiciModule from 'undici';
import type { Agent, buildConnector, Dispatcher } from 'undici';
import type { HttpAnswer, HttpPost, HttpTransport } from './http-transport.js';

type Undici = typeof UndiciModule;

let undiciModule: Promise<Undici> | undefined;

/** undici is loaded on the first outbound call: runs that never leave the process do not pay for it. */
function loadUndici(): Promise<Undici> {
  undiciModule ??= import('undici');
  return undiciModule;
}

/** One registered provider endpoint that outbound calls may reach. */
export interface EgressDestination {
  readonly providerId: string;
  /** Its base URL; only this scheme, host and port are reachable. */
  readonly baseUrl: string;
  /** Base64 SHA-256 digests of accepted SubjectPublicKeyInfo; any other certificate key fails closed. */
  readonly tlsPins?: readonly string[];
  /** Extra trusted CA certificates (PEM) for this endpoint, e.g. a private CA. */
  readonly ca?: string | Buffer;
}

export interface EgressControl {
  /**
   * Sends to registered endpoints only (no redirects followed), with their TLS pins,
   * through undici's dispatcher API: no WHATWG Request, Response or stream objects per call.
   */
  readonly transport: HttpTransport;
  /** Whether a URL's origin belongs to a registered provider. */
  isAllowed(url: string): boolean;
  /** Closes the pooled keep-alive connections. */
  close(): Promise<void>;
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : '80';
}

function originKey(protocol: string, hostname: string, port: string): string {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return `${protocol}//${host}:${port === '' ? defaultPort(protocol) : port}`;
}

function originOf(url: URL): string {
  return originKey(url.protocol, url.hostname, url.port);
}

/** SHA-256 of the certificate's SubjectPublicKeyInfo (DER), base64: the pin format (as `openssl … -pubkey | sha256`). */
export function spkiPinOf(certificate: Pick<PeerCertificate, 'raw'>): string | undefined {
  try {
    const spki = new X509Certificate(certificate.raw).publicKey.export({ type: 'spki', format: 'der' });
    return createHash('sha256').update(spki).digest('base64');
  } catch {
    return undefined;
  }
}

function pinCheck(providerId: string, pins: readonly string[]) {
  const accepted = new Set(pins);
  return (hostname: string, certificate: PeerCertificate): Error | undefined => {
    const identity = checkServerIdentity(hostname, certificate);
    if (identity !== undefined) return identity;
    const pin = spkiPinOf(certificate);
    if (pin === undefined || !accepted.has(pin)) {
      return new DaxError('DAX_E_TLS_PIN_MISMATCH', { detail: `Provider "${providerId}" presented a certificate whose key matches none of its pins.` });
    }
    return undefined;
  };
}

/** Refuses a URL whose origin is not a registered provider's, naming only its host. */
function refuse(target: string): never {
  let host = 'the target';
  try {
    host = new URL(target).host;
  } catch {
    // An unparseable URL is refused the same way.
  }
  throw new DaxError('DAX_E_EGRESS_DENIED', { detail: `Host ${host} is not a registered provider.` });
}

/** Finds a DaxError raised by the connector inside what undici threw. */
function raisedOnPurpose(error: unknown): DaxError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    if (DaxError.isInstance(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The providers' outbound HTTP layer: one undici Agent (keep-alive pools per origin)
 * whose connector opens sockets only to registered provider origins and checks each
 * pinned origin's certificate key during the TLS handshake, before any request byte
 * is written. Anything else fails closed with `DAX_E_EGRESS_DENIED` or
 * `DAX_E_TLS_PIN_MISMATCH`, without a connection being opened or used.
 */
export function createEgressTransport(destinations: readonly EgressDestination[]): EgressControl {
  const origins = new Map<string, EgressDestination>();
  for (const destination of destinations) {
    const url = new URL(destination.baseUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new DaxError('DAX_E_CONFIG_INVALID', { detail: `Provider "${destination.providerId}": baseUrl must be http or https.` });
    }
    if (destination.tlsPins !== undefined && url.protocol !== 'https:') {
      throw new DaxError('DAX_E_CONFIG_INVALID', { detail: `Provider "${destination.providerId}": TLS pins need an https baseUrl.` });
    }
    origins.set(originOf(url), destination);
  }

  let agentPromise: Promise<Agent> | undefined;
  const agent = (): Promise<Agent> => {
    agentPromise ??= loadUndici().then((undici) => {
      const connectors = new Map<string, buildConnector.connector>();
      for (const [origin, destination] of origins) {
        connectors.set(
          origin,
          undici.buildConnector({
            ...(destination.ca === undefined ? {} : { ca: destination.ca }),
            ...(destination.tlsPins === undefined ? {} : { checkServerIdentity: pinCheck(destination.providerId, destination.tlsPins) }),
          }),
        );
      }
      return new undici.Agent({
        connect(options, callback) {
          const connector = connectors.get(originKey(options.protocol, options.hostname, options.port));
          if (connector === undefined) {
            callback(new DaxError('DAX_E_EGRESS_DENIED', { detail: `Host ${options.hostname} is not a registered provider.` }), null);
            return;
          }
          connector(options, callback);
        },
      });
    });
    return agentPromise;
  };

  const isAllowed = (target: string): boolean => {
    try {
      return origins.has(originOf(new URL(target)));
    } catch {
      return false;
    }
  };

  const transport: HttpTransport = {
    async post(request: HttpPost): Promise<HttpAnswer> {
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        refuse(request.url);
      }
      if (!origins.has(originOf(url))) refuse(request.url);
      let data: Dispatcher.ResponseData;
      try {
        data = await (await agent()).request({
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: 'POST',
          headers: request.headers,
          body: request.body,
          signal: request.signal,
        });
      } catch (error) {
        throw raisedOnPurpose(error) ?? error;
      }
      const { statusCode, headers, body } = data;
      return {
        status: statusCode,
        header: (name) => {
          const value = headers[name];
          return Array.isArray(value) ? value[0] : value;
        },
        text: () => body.text(),
        async discard() {
          try {
            await body.dump();
          } catch {
            // The body is unwanted either way.
          }
        },
      };
    },
  };

  return { transport, isAllowed, close: async () => (agentPromise === undefined ? undefined : (await agentPromise).close()) };
}
