import { describe, expect, it } from 'vitest';
import { problemError } from './remote-problem.js';

describe('problemError', () => {
  it('rebuilds the catalogue error with the detail the gateway added', () => {
    const error = problemError(404, {
      type: 'https://dax.dev/errors/DAX_E_RUN_NOT_FOUND',
      title: 'No run with that id exists.',
      status: 404,
      detail: 'No run with that id exists. List runs with: dax runs list',
      code: 'DAX_E_RUN_NOT_FOUND',
      retryable: false,
    });
    expect(error.code).toBe('DAX_E_RUN_NOT_FOUND');
    expect(error.message).toBe('No run with that id exists. List runs with: dax runs list');
  });

  it('does not repeat the title when the detail only restates it', () => {
    const error = problemError(401, { title: 'The API key has been revoked.', detail: 'The API key has been revoked.', code: 'DAX_E_AUTH_KEY_REVOKED' });
    expect(error.message).toBe('The API key has been revoked.');
  });

  it('keeps the retryable flag the gateway computed', () => {
    expect(problemError(502, { code: 'DAX_E_PROVIDER_REJECTED', retryable: true }).retryable).toBe(true);
  });

  it('names the status of an answer that is not a Dax problem', () => {
    for (const body of [undefined, '<html>bad gateway</html>', { code: 'SOMETHING_ELSE' }]) {
      const error = problemError(502, body);
      expect(error.code).toBe('DAX_E_INTERNAL');
      expect(error.message).toContain('HTTP 502');
    }
  });
});
