import { DaxError, type ErrorCode } from '@dax/protocol';

/** A refused chat request: a DaxError that also names the offending request field. */
export class ChatRequestError extends DaxError {
  /** The request field at fault, as OpenAI reports it (`messages[2].content`). */
  readonly param: string;
  /** OpenAI's code for the error when it has a well-known one (`model_not_found`); otherwise the Dax code is used. */
  readonly openaiCode: string | undefined;

  constructor(code: ErrorCode, param: string, detail: string, openaiCode?: string) {
    super(code, { detail });
    this.name = 'ChatRequestError';
    this.param = param;
    this.openaiCode = openaiCode;
  }
}
