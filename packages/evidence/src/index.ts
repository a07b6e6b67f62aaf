export { ed25519Signer, generateEd25519PrivateKeyPem } from './ed25519-signer.js';
export { EvidenceError } from './evidence-error.js';
export type { EvidenceErrorCode } from './evidence-error.js';
export { keyIdOf } from './key-id.js';
export { Keyring, loadKeyring, rawEd25519 } from './keyring.js';
export { defaultKeyFileName, keyringDirName, loadEvidenceSigner, readPrivateKeyFile } from './load-evidence-signer.js';
export type { EvidenceSignerSource } from './load-evidence-signer.js';
export { sha256Hex } from './sha256-hex.js';
export type { Signer } from './signer.js';
