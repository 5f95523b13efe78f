{{/* The chart's base name. */}}
{{- define "restash.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The release's base name: the release name, with the chart name added unless it already contains it. */}}
{{- define "restash.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* One service's object name: <fullname>-<component>. Call with (dict "root" $ "component" "scheduler"). */}}
{{- define "restash.componentName" -}}
{{- printf "%s-%s" (include "restash.fullname" .root) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "restash.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "restash.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: restash
{{- end -}}

{{/* Labels of one service's objects. Call with (dict "root" $ "component" "scheduler"). */}}
{{- define "restash.componentLabels" -}}
{{ include "restash.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "restash.selectorLabels" -}}
app.kubernetes.io/name: {{ include "restash.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "restash.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{- define "restash.serviceAccountName" -}}
{{- include "restash.componentName" . -}}
{{- end -}}

{{/* NATS settings every service reads (NATS_URL, and NATS_USER/NATS_PASSWORD/NATS_TOKEN from a Secret). */}}
{{- define "restash.natsEnv" -}}
{{- $nats := .Values.nats -}}
{{- if $nats.urlSecret.name }}
- name: NATS_URL
  valueFrom:
    secretKeyRef: { name: {{ $nats.urlSecret.name | quote }}, key: {{ $nats.urlSecret.key | quote }} }
{{- else }}
- name: NATS_URL
  value: {{ required "nats.url is required" $nats.url | quote }}
{{- end }}
{{- with $nats.auth }}
{{- if and .existingSecret .userKey }}
- name: NATS_USER
  valueFrom:
    secretKeyRef: { name: {{ .existingSecret | quote }}, key: {{ .userKey | quote }} }
{{- end }}
{{- if and .existingSecret .passwordKey }}
- name: NATS_PASSWORD
  valueFrom:
    secretKeyRef: { name: {{ .existingSecret | quote }}, key: {{ .passwordKey | quote }} }
{{- end }}
{{- if and .existingSecret .tokenKey }}
- name: NATS_TOKEN
  valueFrom:
    secretKeyRef: { name: {{ .existingSecret | quote }}, key: {{ .tokenKey | quote }} }
{{- end }}
{{- end }}
{{- include "restash.tlsEnv" (dict "prefix" "NATS" "name" "nats" "tls" $nats.tls) }}
{{- end -}}

{{/* REDIS_URL (whole from a Secret, or the url), the ACL user and password apart from it (REDIS_USERNAME, REDIS_PASSWORD), TLS files. */}}
{{- define "restash.redisEnv" -}}
{{- $redis := .Values.redis -}}
{{- if $redis.urlSecret.name }}
- name: REDIS_URL
  valueFrom:
    secretKeyRef: { name: {{ $redis.urlSecret.name | quote }}, key: {{ $redis.urlSecret.key | quote }} }
{{- else }}
{{- $url := required "redis.url is required" $redis.url -}}
{{- if and (or $redis.tls.caSecret.name $redis.tls.clientCertSecret) (not (hasPrefix "rediss://" $url)) }}{{ fail "redis.tls needs a rediss:// redis.url" }}{{ end }}
- name: REDIS_URL
  value: {{ $url | quote }}
{{- end }}
{{- with $redis.auth }}
{{- if and .existingSecret .usernameKey }}
- name: REDIS_USERNAME
  valueFrom:
    secretKeyRef: { name: {{ .existingSecret | quote }}, key: {{ .usernameKey | quote }} }
{{- else if .username }}
- name: REDIS_USERNAME
  value: {{ .username | quote }}
{{- end }}
{{- if .existingSecret }}
- name: REDIS_PASSWORD
  valueFrom:
    secretKeyRef: { name: {{ .existingSecret | quote }}, key: {{ .passwordKey | quote }} }
{{- end }}
{{- end }}
{{- include "restash.tlsEnv" (dict "prefix" "REDIS" "name" "redis" "tls" $redis.tls) }}
{{- end -}}

{{/* <PREFIX>_TLS_CA_FILE, _CERT_FILE, _KEY_FILE for the files restash.tlsVolumes mounts. Call with (dict "prefix" "NATS" "name" "nats" "tls" .Values.nats.tls). */}}
{{- define "restash.tlsEnv" -}}
{{- if .tls.caSecret.name }}
- name: {{ .prefix }}_TLS_CA_FILE
  value: /etc/restash/tls/{{ .name }}-ca/ca.crt
{{- end }}
{{- if .tls.clientCertSecret }}
- name: {{ .prefix }}_TLS_CERT_FILE
  value: /etc/restash/tls/{{ .name }}-client/tls.crt
- name: {{ .prefix }}_TLS_KEY_FILE
  value: /etc/restash/tls/{{ .name }}-client/tls.key
{{- end }}
{{- end -}}

{{/* The TLS Secrets of NATS (and of Redis when "redis" is true) as volumes ("volumes") or their mounts ("mounts"). Call with (dict "root" $ "redis" true "part" "volumes"). */}}
{{- define "restash.tlsVolumes" -}}
{{- $transports := list (dict "name" "nats" "tls" .root.Values.nats.tls) -}}
{{- if .redis }}{{ $transports = append $transports (dict "name" "redis" "tls" .root.Values.redis.tls) }}{{ end -}}
{{- range $transports }}
{{- if .tls.caSecret.name }}
{{- if eq $.part "volumes" }}
- name: {{ .name }}-tls-ca
  secret:
    secretName: {{ .tls.caSecret.name }}
    items:
      - key: {{ .tls.caSecret.key }}
        path: ca.crt
{{- else }}
- name: {{ .name }}-tls-ca
  mountPath: /etc/restash/tls/{{ .name }}-ca
  readOnly: true
{{- end }}
{{- end }}
{{- if .tls.clientCertSecret }}
{{- if eq $.part "volumes" }}
- name: {{ .name }}-tls-client
  secret:
    secretName: {{ .tls.clientCertSecret }}
    items:
      - key: tls.crt
        path: tls.crt
      - key: tls.key
        path: tls.key
{{- else }}
- name: {{ .name }}-tls-client
  mountPath: /etc/restash/tls/{{ .name }}-client
  readOnly: true
{{- end }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Settings of every service's container. */}}
{{- define "restash.commonEnv" -}}
- name: POD_NAME
  valueFrom:
    fieldRef: { fieldPath: metadata.name }
- name: POD_NAMESPACE
  valueFrom:
    fieldRef: { fieldPath: metadata.namespace }
- name: HTTP_PORT
  value: "8080"
- name: LOG_LEVEL
  value: {{ .Values.logLevel | quote }}
{{- end -}}
