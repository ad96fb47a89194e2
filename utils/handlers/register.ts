/**
 * The one way a background handler is registered: check who sent the message,
 * validate the payload, run the handler, turn storage failures into Results.
 */
import { browser } from 'wxt/browser';
import { onMessage, type ProtocolMap } from '../messaging';
import { storageFailure } from '../flows';
import { fail, type Failure } from '../result';
import { isContentScript, isExtensionPage, ValidationError, type SenderLike } from '../validate';

export type Audience = 'extension-page' | 'content-script';

type Data<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];
type Return<K extends keyof ProtocolMap> = ReturnType<ProtocolMap[K]>;

export function allowed(audience: Audience, sender: SenderLike): boolean {
  const runtimeId = browser.runtime.id;
  return audience === 'content-script'
    ? isContentScript(sender, runtimeId)
    : isExtensionPage(sender, runtimeId, browser.runtime.getURL('/'));
}

/** Maps an unexpected failure to a Result for handlers that return one. */
export function failureOf(error: unknown): Failure {
  if (error instanceof ValidationError) return fail('invalid', error.message);
  return storageFailure(error);
}

/**
 * `V extends Data<K>`: what the validator returns must be a valid payload of the
 * message, so a schema and the protocol's type cannot drift apart.
 */
export function handle<K extends keyof ProtocolMap, V extends Data<K>>(
  type: K,
  audience: Audience,
  validate: (data: unknown) => V,
  run: (input: V, sender: SenderLike) => Promise<Return<K>>,
): void {
  onMessage(type, async ({ data, sender }) => {
    if (!allowed(audience, sender)) throw new Error(`${String(type)}: sender not allowed`);
    return run(validate(data as Data<K>), sender);
  });
}
