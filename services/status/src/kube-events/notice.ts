/** What a Kubernetes Event says about an object. */
export interface Notice {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}
