import { ProviderError } from './provider-error.js';

/** The upstream answered JSON of the wrong shape. Which field failed is kept out: it may echo values. */
export function malformedAnswerError(providerId: string): ProviderError {
  return new ProviderError('DAX_E_PROVIDER_MALFORMED', {
    detail: `Provider "${providerId}" sent an answer of an unexpected shape.`,
  });
}
