/** A model reference split into its parts: `xai:grok-4` → provider `xai`, model `grok-4`. */
export interface ModelRef {
  readonly provider: string;
  /** Undefined when the reference names only the provider (its default model is used). */
  readonly model: string | undefined;
}

export function parseModelRef(reference: string): ModelRef {
  const colon = reference.indexOf(':');
  if (colon < 0) return { provider: reference, model: undefined };
  const model = reference.slice(colon + 1);
  return { provider: reference.slice(0, colon), model: model.length === 0 ? undefined : model };
}
