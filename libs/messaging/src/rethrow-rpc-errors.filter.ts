import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Hands a handler's error to the JetStream transport as thrown; put it on every controller with
 * @EventPattern handlers (`@UseFilters(RethrowRpcErrors)`: Nest binds filters when listeners are
 * registered, before a global one could be added to a hybrid app). Nest's default RPC filter turns
 * every error into a plain "Internal server error" object, which would hide a
 * PermanentMessageError (to dead-letter at once) behind a retryable failure.
 */
@Catch()
export class RethrowRpcErrors implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
