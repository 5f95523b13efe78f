{{/*
A service's Deployment. Call with
  (dict "root" $ "component" "executor" "values" .Values.executor "env" <YAML list of extra env> "redis" true)
*/}}
{{- define "restash.deployment" -}}
{{- $root := .root -}}
{{- $values := .values -}}
{{- $ctx := dict "root" $root "component" .component -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "restash.componentName" $ctx }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "restash.componentLabels" $ctx | nindent 4 }}
spec:
  replicas: {{ $values.replicas }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "restash.selectorLabels" $ctx | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        {{- include "restash.componentLabels" $ctx | nindent 8 }}
        {{- with $root.Values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- with $root.Values.podAnnotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    spec:
      serviceAccountName: {{ include "restash.serviceAccountName" $ctx }}
      automountServiceAccountToken: true
      terminationGracePeriodSeconds: {{ $root.Values.terminationGracePeriodSeconds }}
      {{- with $root.Values.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      {{- with (default $root.Values.nodeSelector $values.nodeSelector) }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with (default $root.Values.tolerations $values.tolerations) }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      affinity:
        {{- with (default $root.Values.affinity $values.affinity) }}
        {{- toYaml . | nindent 8 }}
        {{- else }}
        # Replicas prefer different nodes, so one node's loss takes at most one of them.
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchLabels:
                    {{- include "restash.selectorLabels" $ctx | nindent 20 }}
        {{- end }}
      containers:
        - name: {{ .component }}
          image: {{ include "restash.image" $root | quote }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          args: [{{ .component | quote }}]
          env:
            {{- include "restash.commonEnv" $root | trim | nindent 12 }}
            {{- include "restash.natsEnv" $root | trim | nindent 12 }}
            {{- if .redis }}
            {{- include "restash.redisEnv" $root | trim | nindent 12 }}
            {{- end }}
            {{- with .env }}
            {{- . | trim | nindent 12 }}
            {{- end }}
            {{- with $values.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
          startupProbe:
            httpGet: { path: /healthz, port: http }
            {{- toYaml $root.Values.probes.startup | nindent 12 }}
          livenessProbe:
            httpGet: { path: /healthz, port: http }
            {{- toYaml $root.Values.probes.liveness | nindent 12 }}
          readinessProbe:
            httpGet: { path: /readyz, port: http }
            {{- toYaml $root.Values.probes.readiness | nindent 12 }}
          resources:
            {{- toYaml $values.resources | nindent 12 }}
          securityContext:
            {{- toYaml $root.Values.securityContext | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- with include "restash.tlsVolumes" (dict "root" $root "redis" .redis "part" "mounts") | trim }}
            {{- . | nindent 12 }}
            {{- end }}
      volumes:
        - name: tmp
          emptyDir: {}
        {{- with include "restash.tlsVolumes" (dict "root" $root "redis" .redis "part" "volumes") | trim }}
        {{- . | nindent 8 }}
        {{- end }}
{{- end -}}
