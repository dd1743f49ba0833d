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

{{- /*
V8's heap cap in MiB: three quarters of the container's memory limit. Node otherwise sizes
its heap from the whole cgroup limit, so the kernel OOM-kills the pod before V8 collects;
the other quarter is for buffers, compiled code and the drivers' native memory.
*/}}
{{- define "icims-sync.heapMiB" -}}
{{- $limit := toString .svc.resources.limits.memory -}}
{{- $mebibytes := 0 -}}
{{- if hasSuffix "Gi" $limit -}}
{{- $mebibytes = mul (trimSuffix "Gi" $limit | int) 1024 -}}
{{- else if hasSuffix "Mi" $limit -}}
{{- $mebibytes = trimSuffix "Mi" $limit | int -}}
{{- end -}}
{{- if lt $mebibytes 128 -}}
{{- fail (printf "services.%s.resources.limits.memory is %q: give at least 128Mi, in Mi or Gi (the heap cap is three quarters of it)" .name $limit) -}}
{{- end -}}
{{- div (mul $mebibytes 3) 4 -}}
{{- end }}
