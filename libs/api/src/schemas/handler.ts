import { Type, type Static } from '@sinclair/typebox';
import { IntOrString } from './int-or-string.js';
import { StringEnum } from './string-enum.js';

const HttpHeadersSchema = Type.Array(Type.Object({ name: Type.String(), value: Type.String() }));

const httpRequestFields = {
  host: Type.Optional(Type.String()),
  port: IntOrString(),
  path: Type.Optional(Type.String()),
  scheme: Type.Optional(Type.String()),
  httpHeaders: Type.Optional(HttpHeadersSchema),
};

const handlerFields = {
  exec: Type.Optional(Type.Object({ command: Type.Optional(Type.Array(Type.String())) })),
  httpGet: Type.Optional(Type.Object(httpRequestFields)),
  httpPost: Type.Optional(
    Type.Object({
      ...httpRequestFields,
      body: Type.Optional(Type.String()),
      // Stash's prober form entries carry a list of values per key.
      form: Type.Optional(
        Type.Array(Type.Object({ key: Type.String(), values: Type.Optional(Type.Array(Type.String())) })),
      ),
    }),
  ),
  tcpSocket: Type.Optional(Type.Object({ host: Type.Optional(Type.String()), port: IntOrString() })),
  containerName: Type.Optional(Type.String()),
};

/** A hook action: exactly one of exec, httpGet, httpPost, tcpSocket. */
export const HandlerSchema = Type.Object(handlerFields);
export type Handler = Static<typeof HandlerSchema>;

export const EXECUTION_POLICIES = ['Always', 'OnSuccess', 'OnFailure'] as const;
export type ExecutionPolicy = (typeof EXECUTION_POLICIES)[number];

/** A hook that runs after the work, with a policy saying on which outcome it runs. */
export const PostHookHandlerSchema = Type.Object({
  ...handlerFields,
  executionPolicy: Type.Optional(StringEnum(EXECUTION_POLICIES, { default: 'Always' })),
});
export type PostHookHandler = Static<typeof PostHookHandlerSchema>;
