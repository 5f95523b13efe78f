{{/*
A ClusterRole with the given rules and its ClusterRoleBinding to the service's ServiceAccount.
Call with (dict "root" $ "component" "scheduler" "rules" <YAML rules>).
*/}}
{{- define "restash.clusterRbac" -}}
{{- $ctx := dict "root" .root "component" .component -}}
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: {{ include "restash.componentName" $ctx }}
  labels:
    {{- include "restash.componentLabels" $ctx | nindent 4 }}
rules:
  {{- .rules | trim | nindent 2 }}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: {{ include "restash.componentName" $ctx }}
  labels:
    {{- include "restash.componentLabels" $ctx | nindent 4 }}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: {{ include "restash.componentName" $ctx }}
subjects:
  - kind: ServiceAccount
    name: {{ include "restash.serviceAccountName" $ctx }}
    namespace: {{ .root.Release.Namespace }}
{{- end -}}
