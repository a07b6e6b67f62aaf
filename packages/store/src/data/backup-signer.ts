/**
 * Signs backup manifests. Structural, so the evidence package's Ed25519 signer
 * (same shape) can be passed in directly.
 */
export interface BackupSigner {
  readonly keyId: string;
  readonly publicKeyPem: string;
  sign(data: Uint8Array): Promise<Uint8Array>;
}
