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
{{- end -}}

{{/* REDIS_URL: whole from a Secret, or url with the password from a Secret put in by dependent env expansion. */}}
{{- define "restash.redisEnv" -}}
{{- $redis := .Values.redis -}}
{{- if $redis.urlSecret.name }}
- name: REDIS_URL
  valueFrom:
    secretKeyRef: { name: {{ $redis.urlSecret.name | quote }}, key: {{ $redis.urlSecret.key | quote }} }
{{- else if $redis.auth.existingSecret }}
{{- $url := required "redis.url is required" $redis.url -}}
{{- $scheme := regexFind "^[a-z]+://" $url -}}
{{- if not $scheme }}{{ fail "redis.url must start with redis:// or rediss://" }}{{ end }}
- name: REDIS_PASSWORD
  valueFrom:
    secretKeyRef: { name: {{ $redis.auth.existingSecret | quote }}, key: {{ $redis.auth.passwordKey | quote }} }
- name: REDIS_URL
  value: {{ printf "%s%s:$(REDIS_PASSWORD)@%s" $scheme $redis.auth.username (trimPrefix $scheme $url) | quote }}
{{- else }}
- name: REDIS_URL
  value: {{ required "redis.url is required" $redis.url | quote }}
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
{{- if .Values.tls.caSecret.name }}
- name: NODE_EXTRA_CA_CERTS
  value: /etc/restash/tls/ca.crt
{{- end }}
{{- end -}}
