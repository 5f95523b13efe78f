/** What the injector's `stash` sidecar and the agent in it agree on. */

/** Where the injector mounts the member's repository Secret, and the key (file) holding the MemberRepository. */
export const AGENT_REPOSITORY_DIR = '/etc/restash/repository';
export const AGENT_REPOSITORY_KEY = 'repository.json';
export const AGENT_REPOSITORY_FILE = `${AGENT_REPOSITORY_DIR}/${AGENT_REPOSITORY_KEY}`;

/** The agent's /healthz port (its liveness probe). */
export const AGENT_HTTP_PORT = 8090;
