package kubernetes

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// The same objects as a manifest a user writes and as the API server
// returns them (kubectl get -o json): defaults filled in, server-set
// metadata, managedFields and status.
const sameManifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {app: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
    spec:
      serviceAccountName: web
      hostNetwork: true
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        seccompProfile: {type: RuntimeDefault}
      containers:
        - name: app
          image: nginx:1.25
          securityContext:
            privileged: false
            allowPrivilegeEscalation: false
            capabilities: {add: [NET_ADMIN], drop: [ALL]}
          ports: [{containerPort: 8080, hostPort: 80}]
          env:
            - {name: MODE, value: prod}
            - name: TOKEN
              valueFrom: {secretKeyRef: {name: web, key: token}}
          resources: {limits: {cpu: 500m, memory: 256Mi}}
          livenessProbe: {httpGet: {path: /, port: 8080}}
      volumes:
        - name: host
          hostPath: {path: /var/run}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader}
rules:
  - apiGroups: [""]
    resources: [secrets]
    verbs: [get, list]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  type: NodePort
  ports: [{port: 80, nodePort: 30080}]
`

const sameFromServer = `{"apiVersion": "v1", "kind": "List", "items": [
{
  "apiVersion": "apps/v1",
  "kind": "Deployment",
  "metadata": {
    "name": "web", "namespace": "shop", "labels": {"app": "web"},
    "uid": "4f1c2d9e-0000-4000-8000-000000000001", "resourceVersion": "812345", "generation": 4,
    "creationTimestamp": "2026-12-01T10:00:00Z",
    "annotations": {"deployment.kubernetes.io/revision": "4"},
    "managedFields": [{"manager": "kubectl-client-side-apply", "operation": "Update", "apiVersion": "apps/v1",
      "time": "2026-12-01T10:00:00Z", "fieldsType": "FieldsV1",
      "fieldsV1": {"f:spec": {"f:replicas": {}, "f:template": {"f:spec": {"f:hostNetwork": {}}}}}}]
  },
  "spec": {
    "replicas": 3,
    "selector": {"matchLabels": {"app": "web"}},
    "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": "25%", "maxSurge": "25%"}},
    "revisionHistoryLimit": 10,
    "progressDeadlineSeconds": 600,
    "template": {
      "metadata": {"creationTimestamp": null, "labels": {"app": "web"}},
      "spec": {
        "serviceAccountName": "web", "serviceAccount": "web",
        "hostNetwork": true,
        "restartPolicy": "Always", "dnsPolicy": "ClusterFirstWithHostNet", "schedulerName": "default-scheduler",
        "terminationGracePeriodSeconds": 30,
        "securityContext": {"runAsNonRoot": true, "runAsUser": 1000, "seccompProfile": {"type": "RuntimeDefault"}},
        "containers": [{
          "name": "app", "image": "nginx:1.25", "imagePullPolicy": "IfNotPresent",
          "securityContext": {"privileged": false, "allowPrivilegeEscalation": false,
            "capabilities": {"add": ["NET_ADMIN"], "drop": ["ALL"]}},
          "ports": [{"containerPort": 8080, "hostPort": 80, "protocol": "TCP"}],
          "env": [{"name": "MODE", "value": "prod"},
            {"name": "TOKEN", "valueFrom": {"secretKeyRef": {"name": "web", "key": "token"}}}],
          "resources": {"limits": {"cpu": "500m", "memory": "256Mi"}},
          "livenessProbe": {"httpGet": {"path": "/", "port": 8080, "scheme": "HTTP"}, "timeoutSeconds": 1,
            "periodSeconds": 10, "successThreshold": 1, "failureThreshold": 3},
          "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File"
        }],
        "volumes": [{"name": "host", "hostPath": {"path": "/var/run", "type": ""}}]
      }
    }
  },
  "status": {"observedGeneration": 4, "replicas": 3, "readyReplicas": 3, "availableReplicas": 3,
    "conditions": [{"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable"}]}
},
{
  "apiVersion": "rbac.authorization.k8s.io/v1",
  "kind": "ClusterRole",
  "metadata": {"name": "reader", "uid": "4f1c2d9e-0000-4000-8000-000000000002", "resourceVersion": "1200",
    "creationTimestamp": "2026-12-01T10:00:00Z"},
  "rules": [{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get", "list"]}]
},
{
  "apiVersion": "v1",
  "kind": "Service",
  "metadata": {"name": "web", "namespace": "shop", "uid": "4f1c2d9e-0000-4000-8000-000000000003",
    "resourceVersion": "812001", "creationTimestamp": "2026-12-01T10:00:00Z"},
  "spec": {"type": "NodePort", "clusterIP": "10.96.12.7", "clusterIPs": ["10.96.12.7"],
    "ports": [{"port": 80, "nodePort": 30080, "protocol": "TCP", "targetPort": 80}],
    "sessionAffinity": "None", "externalTrafficPolicy": "Cluster", "ipFamilies": ["IPv4"]},
  "status": {"loadBalancer": {}}
}]}`

// toInt64 turns the float64 numbers encoding/json decodes into the int64
// values client-go's unstructured objects hold.
func toInt64(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			t[k] = toInt64(e)
		}
	case []any:
		for i, e := range t {
			t[i] = toInt64(e)
		}
	case float64:
		if t == float64(int64(t)) {
			return int64(t)
		}
	}
	return v
}

func TestManifestAndServerObjectNormalizeAlike(t *testing.T) {
	fromFile, errs := Parse("shop.yaml", []byte(sameManifest))
	for _, e := range errs {
		t.Fatalf("manifest: %v", e)
	}
	if len(fromFile) != 3 {
		t.Fatalf("manifest: %d resources, want 3", len(fromFile))
	}
	decoders := map[string]func() (map[string]any, error){
		"encoding/json": func() (map[string]any, error) {
			var m map[string]any
			return m, json.Unmarshal([]byte(sameFromServer), &m)
		},
		"json.Number": func() (map[string]any, error) {
			var m map[string]any
			d := json.NewDecoder(bytes.NewReader([]byte(sameFromServer)))
			d.UseNumber()
			return m, d.Decode(&m)
		},
		"unstructured int64": func() (map[string]any, error) {
			var m map[string]any
			err := json.Unmarshal([]byte(sameFromServer), &m)
			return toInt64(m).(map[string]any), err
		},
	}
	for name, decode := range decoders {
		t.Run(name, func(t *testing.T) {
			list, err := decode()
			if err != nil {
				t.Fatal(err)
			}
			items, _ := list["items"].([]any)
			if len(items) != len(fromFile) {
				t.Fatalf("%d items, want %d", len(items), len(fromFile))
			}
			for i, it := range items {
				want := fromFile[i]
				got, err := Normalize(it.(map[string]any), Origin{Scope: "shop.yaml", Source: want.Source})
				if err != nil || got == nil {
					t.Fatalf("item %d: %v, %v", i, got, err)
				}
				if got.ID != want.ID || got.Kind != want.Kind || got.Name != want.Name || !reflect.DeepEqual(got.Tags, want.Tags) {
					t.Errorf("item %d: %s %s %s %v, want %s %s %s %v", i, got.ID, got.Kind, got.Name, got.Tags, want.ID, want.Kind, want.Name, want.Tags)
				}
				if !reflect.DeepEqual(got.Attributes, want.Attributes) {
					g, _ := json.Marshal(got.Attributes)
					w, _ := json.Marshal(want.Attributes)
					t.Errorf("%s: attributes differ\nserver:   %s\nmanifest: %s", want.ID, g, w)
				}
				if got.Location != nil || len(got.AttributeLocations) != 0 {
					t.Errorf("%s: a live object has no location, got %v %v", got.ID, got.Location, got.AttributeLocations)
				}
			}
		})
	}
	// The manifest keeps the lines the server's object cannot have.
	w := fromFile[0]
	if l := line(t, w, "pod_spec.containers[0].image"); l != 22 {
		t.Errorf("image at line %d, want 22", l)
	}
	if l := line(t, w, "pod_spec.volumes[0].host_path"); l != 36 {
		t.Errorf("host path at line %d, want 36", l)
	}
}

func TestNormalizeNeedsAKindAndAName(t *testing.T) {
	if r, err := Normalize(map[string]any{"apiVersion": "v1", "metadata": map[string]any{"name": "x"}}, Origin{Scope: "c"}); r != nil || err == nil {
		t.Errorf("no kind: %v, %v; want an error", r, err)
	}
	// An item of a PodList as the API server lists it: no kind of its own.
	r, err := Normalize(map[string]any{"metadata": map[string]any{"name": "p"}}, Origin{Scope: "c", Kind: "Pod"})
	if err != nil || r == nil || r.Kind != "kubernetes.pod" || r.ID != "c:default/Pod/p" {
		t.Errorf("kind from the list: %+v, %v", r, err)
	}
	if r, err := Normalize(map[string]any{"kind": "Pod", "apiVersion": "v1"}, Origin{Scope: "c"}); r != nil || err == nil {
		t.Errorf("no name: %v, %v; want an error", r, err)
	}
	if r, err := Normalize(map[string]any{"kind": "ConfigMap", "apiVersion": "v1"}, Origin{Scope: "c"}); r != nil || err != nil {
		t.Errorf("a kind Vigil does not model: %v, %v; want nil, nil", r, err)
	}
	if r, err := Normalize(map[string]any{"kind": "Service", "apiVersion": "serving.knative.dev/v1",
		"metadata": map[string]any{"name": "s"}}, Origin{Scope: "c"}); r != nil || err != nil {
		t.Errorf("a Knative Service is not a core Service: %v, %v", r, err)
	}
}
