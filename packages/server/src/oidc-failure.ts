import { DaxError, type ErrorCode } from '@dax/protocol';
import { errors } from 'jose';

const claimCodes: Readonly<Record<string, ErrorCode>> = {
  aud: 'DAX_E_AUTH_TOKEN_AUDIENCE',
  iss: 'DAX_E_AUTH_TOKEN_ISSUER',
  exp: 'DAX_E_AUTH_TOKEN_EXPIRED',
  nbf: 'DAX_E_AUTH_TOKEN_EXPIRED',
  iat: 'DAX_E_AUTH_TOKEN_MALFORMED',
};

/**
 * Maps a token verification failure to its catalogue code. Nothing of the token
 * or of the issuer's answer is copied into the error message; the original error
 * stays as the cause for operators.
 */
export function oidcFailure(error: unknown): DaxError {
  if (DaxError.isInstance(error)) return error;
  if (error instanceof errors.JWTExpired) return new DaxError('DAX_E_AUTH_TOKEN_EXPIRED', { cause: error });
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new DaxError(claimCodes[error.claim] ?? 'DAX_E_AUTH_TOKEN_CLAIMS', { cause: error });
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return new DaxError('DAX_E_AUTH_TOKEN_ALGORITHM', { cause: error });
  if (error instanceof errors.JWKSNoMatchingKey) return new DaxError('DAX_E_AUTH_TOKEN_KEY_UNKNOWN', { cause: error });
  if (error instanceof errors.JWSSignatureVerificationFailed) return new DaxError('DAX_E_AUTH_TOKEN_SIGNATURE', { cause: error });
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSENotSupported ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return new DaxError('DAX_E_AUTH_TOKEN_MALFORMED', { cause: error });
  }
  return new DaxError('DAX_E_NOT_READY', {
    cause: error,
    detail: "The identity provider's signing keys could not be fetched.",
  });
}
