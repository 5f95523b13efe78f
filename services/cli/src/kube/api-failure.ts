import { apiErrorMessage, apiStatusCode } from '@restash/kube';
import { CommandError } from '../cli-errors.js';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN']);

function networkCode(error: unknown): string | undefined {
  for (let cause: unknown = error, depth = 0; cause && depth < 4; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Pure: a failed API call as the message a person needs: what is missing, refused or unreachable. */
export function apiFailure(error: unknown, what: string, server: string): CommandError {
  const status = apiStatusCode(error);
  const message = apiErrorMessage(error);
  if (status === 404) {
    const noResource = /could not find the requested resource/.test(message);
    return new CommandError(`${what} not found${noResource ? ' (are restash’s CRDs installed in this cluster?)' : ''}`);
  }
  if (status === 403) return new CommandError(`forbidden: ${message}`);
  if (status === 401) return new CommandError(`the API server at ${server} refused the kubeconfig’s credentials (401 Unauthorized)`);
  if (status === 409) return new CommandError(`${what} already exists`);
  const code = networkCode(error);
  if (code) return new CommandError(`cannot reach the Kubernetes API server at ${server} (${code})`);
  return new CommandError(`${what}: ${message}`);
}
