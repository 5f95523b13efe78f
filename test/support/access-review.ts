import { AuthorizationV1Api, type KubeConfig, type V1ResourceAttributes } from '@kubernetes/client-node';

/** One request to ask about: verb on (group, resource[/subresource]) in a namespace. */
export interface AccessQuestion {
  verb: string;
  resource: string;
  group?: string;
  namespace?: string;
  name?: string;
}

/** `kubectl auth can-i` as the kubeconfig's user: a SelfSubjectAccessReview. */
export async function canI(config: KubeConfig, question: AccessQuestion): Promise<boolean> {
  const [resource, subresource] = question.resource.split('/');
  const resourceAttributes: V1ResourceAttributes = {
    verb: question.verb,
    group: question.group ?? '',
    resource,
    ...(subresource ? { subresource } : {}),
    ...(question.namespace ? { namespace: question.namespace } : {}),
    ...(question.name ? { name: question.name } : {}),
  };
  const review = await config.makeApiClient(AuthorizationV1Api).createSelfSubjectAccessReview({ body: { spec: { resourceAttributes } } });
  return review.status?.allowed === true;
}

export function describeQuestion({ verb, resource, group, namespace }: AccessQuestion): string {
  return `${verb} ${resource}${group ? `.${group}` : ''}${namespace ? ` in ${namespace}` : ' cluster-wide'}`;
}
