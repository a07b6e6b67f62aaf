/**
 * Signs evidence. A KMS or HSM can implement it: the private key never has to be
 * in this process. `sign` returns the raw signature over exactly the given bytes.
 */
export interface Signer {
  /** Hex SHA-256 of the public key's SPKI DER encoding (see `keyIdOf`). */
  readonly keyId: string;
  /** The public key as an SPKI PEM, for verifiers and exports. */
  readonly publicKeyPem: string;
  /** Signature algorithm; only `ed25519` is verified by Dax. */
  readonly algorithm: 'ed25519';
  sign(bytes: Uint8Array): Promise<Uint8Array>;
}
