/**
 * The kubelet's $(VAR) expansion in env values, command and args: `$(NAME)` becomes NAME's value when defined
 * (left as is otherwise) and `$$(NAME)` is an escaped, literal `$(NAME)`.
 */
export function expandVariables(input: string, env: Readonly<Record<string, string>>): string {
  return input.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (match, name: string | undefined) => {
    if (match === '$$') return '$';
    return name !== undefined && Object.hasOwn(env, name) ? env[name]! : match;
  });
}
