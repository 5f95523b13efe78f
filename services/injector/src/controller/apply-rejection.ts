import { apiErrorMessage, apiStatusCode } from '@restash/kube';

/**
 * Pure: the API server's message when it rejected an apply for good (invalid, forbidden), so the
 * member's condition can say it; undefined for a failure worth retrying (conflict, throttling, outage).
 */
export function permanentRejection(error: unknown): string | undefined {
  const status = apiStatusCode(error);
  if (status === undefined || status === 409 || status === 429 || status >= 500) return undefined;
  return apiErrorMessage(error);
}
