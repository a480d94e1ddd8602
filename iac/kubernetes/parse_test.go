package kubernetes

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/vigil-sec/vigil/iac/file"
	"github.com/vigil-sec/vigil/model"
)

func parseOne(t *testing.T, src string) []*model.Resource {
	t.Helper()
	rs, errs := Parse("k8s.yaml", []byte(src))
	for _, e := range errs {
		t.Errorf("unexpected error: %v", e)
	}
	return rs
}

func byID(t *testing.T, rs []*model.Resource, id string) *model.Resource {
	t.Helper()
	for _, r := range rs {
		if r.ID == id {
			return r
		}
	}
	var ids []string
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	t.Fatalf("no resource %s among %v", id, ids)
	return nil
}

func workload(t *testing.T, r *model.Resource) *model.KubernetesWorkload {
	t.Helper()
	w, ok := r.Attributes.(*model.KubernetesWorkload)
	if !ok {
		t.Fatalf("%s: attributes are %T", r.ID, r.Attributes)
	}
	return w
}

func line(t *testing.T, r *model.Resource, path string) int {
	t.Helper()
	l := r.LocationOf(path)
	if l == nil {
		t.Fatalf("%s: no location for %s", r.ID, path)
	}
	return l.StartLine
}

const podSpecBody = `
      serviceAccountName: runner
      hostNetwork: true
      securityContext:
        runAsNonRoot: true
      initContainers:
        - name: setup
          image: busybox:1.36
      containers:
        - name: app
          image: nginx
          securityContext:
            privileged: true`

func TestWorkloadKinds(t *testing.T) {
	tests := []struct {
		kind, api, wrap, modelKind string
		replicas                   bool
	}{
		{"Deployment", "apps/v1", "spec:\n  replicas: 3\n  template:\n    spec:", "kubernetes.deployment", true},
		{"StatefulSet", "apps/v1", "spec:\n  replicas: 3\n  template:\n    spec:", "kubernetes.statefulset", true},
		{"DaemonSet", "apps/v1", "spec:\n  template:\n    spec:", "kubernetes.daemonset", false},
		{"ReplicaSet", "apps/v1", "spec:\n  replicas: 3\n  template:\n    spec:", "kubernetes.replicaset", true},
		{"ReplicationController", "v1", "spec:\n  replicas: 3\n  template:\n    spec:", "kubernetes.replicationcontroller", true},
		{"Job", "batch/v1", "spec:\n  template:\n    spec:", "kubernetes.job", false},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			src := fmt.Sprintf("apiVersion: %s\nkind: %s\nmetadata:\n  name: w\n%s%s\n", tt.api, tt.kind, tt.wrap, podSpecBody)
			rs := parseOne(t, src)
			r := byID(t, rs, "k8s.yaml:default/"+tt.kind+"/w")
			if r.Kind != tt.modelKind || r.Provider != "kubernetes" || r.Source != model.SourceKubernetesManifest || r.Name != "w" {
				t.Fatalf("got %s %s %s %s", r.Kind, r.Provider, r.Source, r.Name)
			}
			checkPodSpec(t, r)
			w := workload(t, r)
			if tt.replicas != (w.Replicas != nil) || (w.Replicas != nil && *w.Replicas != 3) {
				t.Errorf("replicas = %v", w.Replicas)
			}
		})
	}
}

// checkPodSpec verifies the view of podSpecBody.
func checkPodSpec(t *testing.T, r *model.Resource) {
	t.Helper()
	w := workload(t, r)
	ps := w.PodSpec
	if w.Namespace != "default" || ps.ServiceAccountName != "runner" || !ps.HostNetwork {
		t.Errorf("pod spec: %+v", ps)
	}
	if ps.SecurityContext.RunAsNonRoot == nil || !*ps.SecurityContext.RunAsNonRoot {
		t.Errorf("pod runAsNonRoot not read")
	}
	if len(ps.Containers) != 2 {
		t.Fatalf("containers: %+v", ps.Containers)
	}
	init, app := ps.Containers[0], ps.Containers[1]
	if init.Type != "init" || init.Name != "setup" || init.ImagePullPolicy != "IfNotPresent" {
		t.Errorf("init container: %+v", init)
	}
	if app.Type != "container" || app.Image != "nginx" || app.ImagePullPolicy != "Always" ||
		app.Privileged == nil || !*app.Privileged || app.AllowPrivilegeEscalation != nil {
		t.Errorf("app container: %+v", app)
	}
	// Lines are relative to the pod spec body's first line.
	base := line(t, r, "pod_spec.service_account_name")
	for path, off := range map[string]int{
		"pod_spec.host_network":                 1,
		"pod_spec.containers[0]":                5,
		"pod_spec.containers[1].image":          9,
		"pod_spec.containers[1].privileged":     11,
		"pod_spec.containers[1].run_as_user":    8, // absent: falls back to the container
		"pod_spec.security_context.fs_group":    2, // absent: falls back to securityContext
		"pod_spec.containers[0].resources.x":    5,
		"pod_spec.containers[1].liveness_probe": 8,
	} {
		if got := line(t, r, path); got != base+off {
			t.Errorf("line of %s = %d, want %d", path, got, base+off)
		}
	}
}

func TestPodAndCronJob(t *testing.T) {
	src := `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: team
  labels: {app: p}
spec:` + strings.ReplaceAll(podSpecBody, "\n    ", "\n") + `
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: cj
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          labels: {job: cj}
        spec:` + strings.ReplaceAll(podSpecBody, "\n", "\n    ") + `
`
	rs := parseOne(t, src)
	p := byID(t, rs, "k8s.yaml:team/Pod/p")
	if w := workload(t, p); w.Namespace != "team" || w.PodLabels["app"] != "p" || p.Tags["app"] != "p" {
		t.Errorf("pod: %+v tags %v", w, p.Tags)
	}
	if got := line(t, p, "pod_spec.host_network"); got != 9 {
		t.Errorf("pod hostNetwork line %d", got)
	}
	cj := byID(t, rs, "k8s.yaml:default/CronJob/cj")
	if cj.Kind != "kubernetes.cronjob" {
		t.Fatal(cj.Kind)
	}
	w := workload(t, cj)
	if w.PodLabels["job"] != "cj" || len(w.PodSpec.Containers) != 2 || !w.PodSpec.HostNetwork {
		t.Errorf("cronjob view: %+v", w)
	}
}

func TestContainerDetails(t *testing.T) {
	src := `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  automountServiceAccountToken: false
  hostPID: true
  hostIPC: yes
  securityContext:
    runAsUser: 1000
    seccompProfile: {type: RuntimeDefault}
    sysctls: [{name: net.ipv4.ip_forward, value: "1"}]
  volumes:
    - name: host
      hostPath: {path: /var/run/docker.sock}
    - name: tmp
      emptyDir: {}
  containers:
    - name: app
      image: registry:5000/app:latest
      imagePullPolicy: IfNotPresent
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        runAsUser: 0
        capabilities: {add: [NET_ADMIN], drop: [ALL]}
        seccompProfile: {type: Unconfined}
      resources:
        limits: {cpu: 500m, memory: 128Mi}
        requests: {memory: 64Mi}
      ports:
        - containerPort: 8080
          hostPort: 80
      livenessProbe: {httpGet: {path: /, port: 8080}}
      env:
        - name: DB_PASSWORD
          value: s3cret-value
        - name: TOKEN
          valueFrom: {secretKeyRef: {name: s, key: k}}
        - name: MODE
          valueFrom: {configMapKeyRef: {name: c, key: k}}
  ephemeralContainers:
    - name: debug
      image: busybox@sha256:0123
`
	rs := parseOne(t, src)
	r := byID(t, rs, "k8s.yaml:default/Pod/p")
	ps := workload(t, r).PodSpec
	if ps.AutomountServiceAccountToken == nil || *ps.AutomountServiceAccountToken || !ps.HostPID || !ps.HostIPC {
		t.Errorf("pod flags: %+v", ps)
	}
	sc := ps.SecurityContext
	if sc.RunAsUser == nil || *sc.RunAsUser != 1000 || sc.SeccompProfileType != "RuntimeDefault" || len(sc.Sysctls) != 1 || sc.Sysctls[0] != "net.ipv4.ip_forward" {
		t.Errorf("pod security context: %+v", sc)
	}
	if len(ps.Volumes) != 2 || ps.Volumes[0].Type != "hostPath" || ps.Volumes[0].HostPath != "/var/run/docker.sock" || ps.Volumes[1].Type != "emptyDir" {
		t.Errorf("volumes: %+v", ps.Volumes)
	}
	c := ps.Containers[0]
	if c.ImagePullPolicy != "IfNotPresent" || *c.AllowPrivilegeEscalation || !*c.ReadOnlyRootFilesystem || *c.RunAsUser != 0 ||
		c.CapabilitiesAdd[0] != "NET_ADMIN" || c.CapabilitiesDrop[0] != "ALL" || c.SeccompProfileType != "Unconfined" {
		t.Errorf("container security: %+v", c)
	}
	if c.Resources != (model.Resources{LimitsCPU: "500m", LimitsMemory: "128Mi", RequestsMemory: "64Mi"}) {
		t.Errorf("resources: %+v", c.Resources)
	}
	if len(c.Ports) != 1 || c.Ports[0] != (model.ContainerPort{ContainerPort: 8080, HostPort: 80, Protocol: "TCP"}) {
		t.Errorf("ports: %+v", c.Ports)
	}
	if !c.LivenessProbe || c.ReadinessProbe {
		t.Errorf("probes: %v %v", c.LivenessProbe, c.ReadinessProbe)
	}
	want := []model.EnvVar{{Name: "DB_PASSWORD", HasValue: true}, {Name: "TOKEN", FromSecret: true}, {Name: "MODE", FromConfigMap: true}}
	if fmt.Sprint(c.Env) != fmt.Sprint(want) {
		t.Errorf("env: %+v", c.Env)
	}
	if e := ps.Containers[1]; e.Type != "ephemeral" || e.ImagePullPolicy != "IfNotPresent" {
		t.Errorf("ephemeral: %+v", e)
	}
	// The literal value must not survive anywhere in the resource.
	b, _ := json.Marshal(r)
	if strings.Contains(string(b), "s3cret-value") {
		t.Error("literal env value leaked into the resource")
	}
	for path, want := range map[string]int{
		"pod_spec.volumes[0].host_path":                  14,
		"pod_spec.containers[0].capabilities_add":        25,
		"pod_spec.containers[0].resources.limits_memory": 28,
		"pod_spec.containers[0].resources.requests_cpu":  27,
		"pod_spec.containers[0].ports[0].host_port":      32,
		"pod_spec.containers[0].env[0].has_value":        36,
		"pod_spec.containers[0].run_as_user":             24,
	} {
		if got := line(t, r, path); got != want {
			t.Errorf("line of %s = %d, want %d", path, got, want)
		}
	}
}

func TestRBAC(t *testing.T) {
	src := `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: "system:reader"}
rules:
  - apiGroups: [""]
    resources: [secrets, pods]
    verbs: [get, list]
    resourceNames: [one]
  - nonResourceURLs: ["/metrics"]
    verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb, namespace: apps}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
  - kind: ServiceAccount
    name: deployer
    namespace: ci
  - {kind: Group, name: devs}
`
	rs := parseOne(t, src)
	cr := byID(t, rs, "k8s.yaml:ClusterRole/system:reader")
	role := cr.Attributes.(*model.KubernetesRole)
	if cr.Kind != "kubernetes.cluster_role" || role.Namespace != "" || len(role.Rules) != 2 {
		t.Fatalf("cluster role: %+v", role)
	}
	r0 := role.Rules[0]
	if fmt.Sprint(r0.APIGroups, r0.Resources, r0.Verbs, r0.ResourceNames) != "[] [secrets pods] [get list] [one]" || role.Rules[1].NonResourceURLs[0] != "/metrics" {
		t.Errorf("rules: %+v", role.Rules)
	}
	if line(t, cr, "rules[0].verbs") != 7 || line(t, cr, "rules[1]") != 9 {
		t.Errorf("rule lines: %v", cr.AttributeLocations)
	}
	rb := byID(t, rs, "k8s.yaml:apps/RoleBinding/rb")
	b := rb.Attributes.(*model.KubernetesRoleBinding)
	if b.Namespace != "apps" || b.RoleRefKind != "ClusterRole" || b.RoleRefName != "cluster-admin" || len(b.Subjects) != 2 ||
		b.Subjects[0] != (model.RBACSubject{Kind: "ServiceAccount", Name: "deployer", Namespace: "ci"}) || b.Subjects[1].Name != "devs" {
		t.Errorf("binding: %+v", b)
	}
	if line(t, rb, "role_ref_name") != 15 || line(t, rb, "subjects[1].name") != 20 {
		t.Errorf("binding lines: %v", rb.AttributeLocations)
	}
}

func TestListKinds(t *testing.T) {
	src := `{
  "apiVersion": "v1",
  "kind": "List",
  "items": [
    {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "sa", "namespace": "x"}, "automountServiceAccountToken": false},
    {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "ignored"}}
  ]
}`
	rs := parseOne(t, src)
	if len(rs) != 1 {
		t.Fatalf("got %d resources", len(rs))
	}
	sa := byID(t, rs, "k8s.yaml:x/ServiceAccount/sa")
	if a := sa.Attributes.(*model.KubernetesServiceAccount); a.AutomountServiceAccountToken == nil || *a.AutomountServiceAccountToken || a.Namespace != "x" {
		t.Errorf("service account: %+v", a)
	}
	if sa.Location.StartLine != 5 || line(t, sa, "automount_service_account_token") != 5 {
		t.Errorf("location %v", sa.Location)
	}

	// A typed list whose items omit their kind.
	src = "apiVersion: apps/v1\nkind: DeploymentList\nitems:\n- metadata: {name: a}\n  spec: {template: {spec: {containers: [{name: c, image: x:1}]}}}\n- metadata: {name: b}\n"
	rs = parseOne(t, src)
	if len(rs) != 2 || rs[0].ID != "k8s.yaml:default/Deployment/a" || rs[1].ID != "k8s.yaml:default/Deployment/b" {
		t.Fatalf("typed list: %v", rs)
	}
	if rs[0].Location.StartLine != 4 || rs[0].Location.EndLine != 5 || rs[1].Location.StartLine != 6 {
		t.Errorf("item locations %v %v", rs[0].Location, rs[1].Location)
	}
}

func TestServiceNetworkPolicyNamespace(t *testing.T) {
	src := `apiVersion: v1
kind: Service
metadata: {name: lb, namespace: web}
spec:
  type: LoadBalancer
  ports: [{port: 443, nodePort: 30443}]
  loadBalancerSourceRanges: [10.0.0.0/8]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: web}
spec:
  podSelector: {}
  egress: [{}]
---
apiVersion: v1
kind: Namespace
metadata:
  name: web
  labels: {team: a}
---
apiVersion: serving.knative.dev/v1
kind: Service
metadata: {name: knative}
`
	rs := parseOne(t, src)
	if len(rs) != 3 {
		t.Fatalf("got %d resources (a Knative Service must be skipped)", len(rs))
	}
	svc := byID(t, rs, "k8s.yaml:web/Service/lb").Attributes.(*model.KubernetesService)
	if svc.Type != "LoadBalancer" || svc.Ports[0] != (model.ServicePort{Port: 443, NodePort: 30443, Protocol: "TCP"}) || svc.LoadBalancerSourceRanges[0] != "10.0.0.0/8" {
		t.Errorf("service: %+v", svc)
	}
	np := byID(t, rs, "k8s.yaml:web/NetworkPolicy/deny-all").Attributes.(*model.KubernetesNetworkPolicy)
	if !np.SelectsAll || fmt.Sprint(np.PolicyTypes) != "[Ingress Egress]" || np.EgressRules != 1 || np.IngressRules != 0 {
		t.Errorf("network policy: %+v", np)
	}
	ns := byID(t, rs, "k8s.yaml:Namespace/web").Attributes.(*model.KubernetesNamespace)
	if !ns.Declared || ns.Labels["team"] != "a" {
		t.Errorf("namespace: %+v", ns)
	}
}

func TestFinalizeNamespaces(t *testing.T) {
	a, _ := Parse("a.yaml", []byte(`apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec: {template: {spec: {containers: [{name: c, image: nginx:1}]}}}
---
apiVersion: v1
kind: Pod
metadata: {name: loose}
spec: {containers: [{name: c, image: nginx:1}]}
`))
	b, _ := Parse("b.yaml", []byte(`# vigil:ignore K8S-030 legacy
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np1, namespace: shop}
spec: {podSelector: {}}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: sa, namespace: batch}
`))
	rs := Finalize(append(a, b...))
	rs = Finalize(rs) // idempotent
	var nss []*model.Resource
	for _, r := range rs {
		if r.Kind == "kubernetes.namespace" {
			nss = append(nss, r)
		}
	}
	if len(nss) != 3 {
		t.Fatalf("namespaces: %d", len(nss))
	}
	shop := byID(t, nss, "a.yaml:Namespace/shop").Attributes.(*model.KubernetesNamespace)
	if !shop.Declared || fmt.Sprint(shop.NetworkPolicies) != "[np1]" || shop.Workloads != 1 {
		t.Errorf("shop: %+v", shop)
	}
	if ba := byID(t, nss, "b.yaml:Namespace/batch").Attributes.(*model.KubernetesNamespace); ba.Workloads != 0 {
		t.Errorf("batch holds a service account only: %+v", ba)
	}
	def := byID(t, nss, "a.yaml:Namespace/default")
	if da := def.Attributes.(*model.KubernetesNamespace); da.Declared || da.NetworkPolicies == nil || len(da.NetworkPolicies) != 0 {
		t.Errorf("default: %+v", da)
	}
	if def.Location == nil || def.Location.File != "a.yaml" || def.Location.StartLine != 10 {
		t.Errorf("default location: %v", def.Location)
	}
	batch := byID(t, nss, "b.yaml:Namespace/batch")
	if batch.Source != model.SourceKubernetesManifest || batch.Provider != "kubernetes" {
		t.Errorf("batch: %+v", batch)
	}
	np := byID(t, rs, "b.yaml:shop/NetworkPolicy/np1")
	if len(np.Ignores) != 1 || np.Ignores[0].RuleID != "K8S-030" || np.Ignores[0].Reason != "legacy" {
		t.Errorf("ignores: %+v", np.Ignores)
	}
}

func TestMalformedDocument(t *testing.T) {
	src := `apiVersion: v1
kind: ServiceAccount
metadata: {name: one}
---
apiVersion: v1
kind: Pod
metadata:
  name: bad
   namespace: x
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: two}
---
- just a list
`
	rs, errs := Parse("m.yaml", []byte(src))
	if len(rs) != 2 || rs[0].Name != "one" || rs[1].Name != "two" {
		t.Fatalf("resources: %v", rs)
	}
	if len(errs) != 2 {
		t.Fatalf("errors: %v", errs)
	}
	var fe *file.Error
	if !errors.As(errs[0], &fe) || fe.File != "m.yaml" || fe.Line < 5 || fe.Line > 9 {
		t.Errorf("first error: %#v", errs[0])
	}
	if !errors.As(errs[1], &fe) || fe.Line != 15 {
		t.Errorf("second error: %v", errs[1])
	}
	if rs[1].Location.StartLine != 11 || rs[1].Location.EndLine != 13 {
		t.Errorf("location after a bad document: %v", rs[1].Location)
	}
}

func TestAliasBomb(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("apiVersion: v1\nkind: Pod\nmetadata: {name: bomb}\nx0: &x0 [a, a, a, a, a, a, a, a, a, a]\n")
	for i := 1; i < 12; i++ {
		fmt.Fprintf(&sb, "x%d: &x%d [*x%d, *x%d, *x%d, *x%d, *x%d, *x%d, *x%d, *x%d, *x%d, *x%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	sb.WriteString("spec:\n  containers: *x11\n")
	start := time.Now()
	rs, errs := Parse("bomb.yaml", []byte(sb.String()))
	if time.Since(start) > 2*time.Second {
		t.Errorf("alias bomb took %v", time.Since(start))
	}
	if len(rs) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "aliases") {
		t.Errorf("got %v, %v", rs, errs)
	}
}

func TestAliasesAndMergeKeys(t *testing.T) {
	src := `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - &base
      name: a
      image: app:1
      securityContext: {privileged: true}
    - <<: *base
      name: b
`
	rs := parseOne(t, src)
	cs := workload(t, rs[0]).PodSpec.Containers
	if len(cs) != 2 || cs[1].Name != "b" || cs[1].Image != "app:1" || cs[1].Privileged == nil || !*cs[1].Privileged {
		t.Errorf("containers: %+v", cs)
	}
}

func TestIgnores(t *testing.T) {
	src := `apiVersion: v1
kind: Pod
metadata: {name: a}
spec:
  containers:
    - name: c
      image: x:1
      securityContext:
        privileged: true # vigil:ignore K8S-001 CNI plugin
# vigil:ignore K8S-005 node agent
---
apiVersion: v1
kind: Pod
metadata: {name: b}
`
	rs := parseOne(t, src)
	if len(rs[0].Ignores) != 1 || rs[0].Ignores[0].RuleID != "K8S-001" || rs[0].Ignores[0].Reason != "CNI plugin" {
		t.Errorf("a: %+v", rs[0].Ignores)
	}
	if len(rs[1].Ignores) != 1 || rs[1].Ignores[0].RuleID != "K8S-005" {
		t.Errorf("b: %+v", rs[1].Ignores)
	}
}

func TestDetect(t *testing.T) {
	for src, want := range map[string]bool{
		"apiVersion: v1\nkind: Pod\n":                                      true,
		"# c\n---\nfoo: bar\n---\napiVersion: apps/v1\nkind: Deployment\n": true,
		`{"apiVersion": "v1", "kind": "List", "items": []}`:                true,
		"AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n":          false,
		"kind: Pod\n": false,
		"resource \"aws_s3_bucket\" \"b\" {\n  apiVersion = 1\n  kind = 2\n}": false,
	} {
		if got := Detect([]byte(src)); got != want {
			t.Errorf("Detect(%q) = %v", src, got)
		}
	}
}

func TestLimits(t *testing.T) {
	_, errs := Parse("big.yaml", make([]byte, MaxFileSize+1))
	if len(errs) != 1 {
		t.Fatalf("errs: %v", errs)
	}
	_, errs = Parse("cycle.yaml", []byte("apiVersion: v1\nkind: Pod\nmetadata: &m {name: x, self: *m}\n"))
	if len(errs) == 0 {
		t.Log("undefined alias is reported by the YAML parser")
	}
}

func TestImageTag(t *testing.T) {
	for img, want := range map[string]string{
		"nginx": "", "nginx:1.25": "1.25", "registry:5000/app": "", "registry:5000/app:v2": "v2",
		"app@sha256:ab": "", "app:1@sha256:ab": "1",
	} {
		if got := imageTag(img); got != want {
			t.Errorf("imageTag(%q) = %q, want %q", img, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: x}]}\n"))
	f.Add([]byte("kind: List\nitems:\n- kind: Role\n  apiVersion: rbac.authorization.k8s.io/v1\n  metadata: {name: r}\n  rules: [{verbs: ['*']}]\n"))
	f.Add([]byte("a: &a [1]\nb: [*a, *a]\n---\n...\n%YAML 1.2\n---\nkind: Service\n"))
	// Hostile shapes, small: nesting just past the limit (flow, block,
	// JSON), a List with more items, binary bytes.
	f.Add([]byte("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  x: " + strings.Repeat("[", 501) + strings.Repeat("]", 501) + "\n---\n" + goodPod))
	var block strings.Builder
	block.WriteString("apiVersion: v1\nkind: Pod\nmetadata:\n")
	for i := 1; i < 502; i++ {
		block.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	f.Add([]byte(block.String()))
	f.Add([]byte(`{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j", "x": ` + strings.Repeat(`{"a":`, 501) + "1" + strings.Repeat("}", 501) + "}}"))
	f.Add([]byte("apiVersion: v1\nkind: List\nitems:\n" + strings.Repeat("- {apiVersion: v1, kind: Pod, metadata: {name: p}}\n", 200)))
	f.Add([]byte(goodPod + "\x00\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, _ := Parse("f.yaml", data)
		Finalize(rs)
		Detect(data)
	})
}

func TestDocumentMarkers(t *testing.T) {
	src := `# first
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: a}
...
# yaml.v3 refuses %YAML directives, so none here.
--- # second
apiVersion: v1
kind: ServiceAccount
metadata: {name: b}
--- {apiVersion: v1, kind: ServiceAccount, metadata: {name: c}}
---
---
data: |
  --- not a marker: indented
apiVersion: v1
kind: ServiceAccount
metadata: {name: d}
`
	rs := parseOne(t, src)
	var names []string
	for _, r := range rs {
		names = append(names, fmt.Sprintf("%s@%d", r.Name, r.Location.StartLine))
	}
	if got := strings.Join(names, " "); got != "a@3 b@9 c@12 d@15" {
		t.Errorf("documents: %s", got)
	}
}

func TestPodSecurityStandardFields(t *testing.T) {
	rs := parseOne(t, `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: localhost/k8s-web
    container.apparmor.security.beta.kubernetes.io/side: unconfined
spec:
  securityContext:
    seLinuxOptions: {type: spc_t, level: "s0:c1,c2"}
    windowsOptions: {hostProcess: true}
    appArmorProfile: {type: RuntimeDefault}
  containers:
    - name: app
      image: nginx:1
      securityContext:
        procMount: Unmasked
        seLinuxOptions: {user: system_u, role: system_r}
        windowsOptions: {hostProcess: false}
    - name: side
      image: nginx:1
      securityContext:
        appArmorProfile: {type: RuntimeDefault}
`)
	r := byID(t, rs, "k8s.yaml:default/Pod/p")
	ps := workload(t, r).PodSpec
	psc := ps.SecurityContext
	if psc.SELinuxOptions == nil || psc.SELinuxOptions.Type != "spc_t" || psc.SELinuxOptions.Level != "s0:c1,c2" {
		t.Errorf("pod seLinuxOptions: %+v", psc.SELinuxOptions)
	}
	if psc.HostProcess == nil || !*psc.HostProcess || psc.AppArmorProfile != "RuntimeDefault" {
		t.Errorf("pod hostProcess / appArmor: %+v", psc)
	}
	app, side := ps.Containers[0], ps.Containers[1]
	if app.ProcMount != "Unmasked" || app.SELinuxOptions == nil || app.SELinuxOptions.User != "system_u" ||
		app.SELinuxOptions.Role != "system_r" || app.HostProcess == nil || *app.HostProcess {
		t.Errorf("app: %+v", app)
	}
	// The annotation stands in for an unset field; a set field wins.
	if app.AppArmorProfile != "Localhost" || side.AppArmorProfile != "RuntimeDefault" {
		t.Errorf("apparmor: app %q side %q", app.AppArmorProfile, side.AppArmorProfile)
	}
	if side.SELinuxOptions != nil || side.HostProcess != nil {
		t.Errorf("side sets neither: %+v", side)
	}
	if line(t, r, "pod_spec.containers[0].apparmor_profile") != 6 || line(t, r, "pod_spec.containers[0].proc_mount") != 17 {
		t.Errorf("locations: apparmor %d procMount %d", line(t, r, "pod_spec.containers[0].apparmor_profile"), line(t, r, "pod_spec.containers[0].proc_mount"))
	}
}
