/** The object an Event is about; the uid, when known, ties the Event to this incarnation of the name. */
export interface InvolvedObject {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  uid?: string;
}

export function involvedObjectOf(object: { apiVersion: string; kind: string; metadata: { namespace?: string; name?: string; uid?: string } }): InvolvedObject {
  const { namespace = '', name = '', uid = '' } = object.metadata;
  return { apiVersion: object.apiVersion, kind: object.kind, namespace, name, uid };
}
