{{- define "icims-sync.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/part-of: icims-sync
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
{{- end }}

{{- define "icims-sync.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}
