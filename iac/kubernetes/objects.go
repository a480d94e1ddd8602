package kubernetes

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/vigil-sec/vigil/iac/file"
	"github.com/vigil-sec/vigil/model"
)

// objectKind describes one Kubernetes kind Vigil models.
type objectKind struct {
	kind          string          // model kind
	groups        map[string]bool // accepted API groups ("" is the core group)
	clusterScoped bool
}

func groups(gs ...string) map[string]bool {
	m := map[string]bool{}
	for _, g := range gs {
		m[g] = true
	}
	return m
}

var (
	coreGroup  = groups("")
	appsGroups = groups("apps", "extensions")
	batchGroup = groups("batch")
	rbacGroup  = groups("rbac.authorization.k8s.io")
)

// objectKinds maps a manifest kind to the model kind. The API group is
// checked so that custom resources reusing a name (Knative's Service) are
// not misread.
var objectKinds = map[string]objectKind{
	"Pod":                   {kind: "kubernetes.pod", groups: coreGroup},
	"Deployment":            {kind: "kubernetes.deployment", groups: appsGroups},
	"StatefulSet":           {kind: "kubernetes.statefulset", groups: appsGroups},
	"DaemonSet":             {kind: "kubernetes.daemonset", groups: appsGroups},
	"ReplicaSet":            {kind: "kubernetes.replicaset", groups: appsGroups},
	"ReplicationController": {kind: "kubernetes.replicationcontroller", groups: coreGroup},
	"Job":                   {kind: "kubernetes.job", groups: batchGroup},
	"CronJob":               {kind: "kubernetes.cronjob", groups: batchGroup},
	"Role":                  {kind: "kubernetes.role", groups: rbacGroup},
	"ClusterRole":           {kind: "kubernetes.cluster_role", groups: rbacGroup, clusterScoped: true},
	"RoleBinding":           {kind: "kubernetes.role_binding", groups: rbacGroup},
	"ClusterRoleBinding":    {kind: "kubernetes.cluster_role_binding", groups: rbacGroup, clusterScoped: true},
	"Namespace":             {kind: "kubernetes.namespace", groups: coreGroup, clusterScoped: true},
	"NetworkPolicy":         {kind: "kubernetes.network_policy", groups: groups("networking.k8s.io", "extensions")},
	"Service":               {kind: "kubernetes.service", groups: coreGroup},
	"ServiceAccount":        {kind: "kubernetes.service_account", groups: coreGroup},
}

// apiGroup is the group part of an apiVersion ("apps/v1" -> "apps",
// "v1" -> "").
func apiGroup(apiVersion string) string {
	if i := strings.LastIndexByte(apiVersion, '/'); i >= 0 {
		return apiVersion[:i]
	}
	return ""
}

// builder fills one resource and records where each attribute was set.
type builder struct {
	r *model.Resource
}

// at records the line of node n (a key, or a list item) for path.
func (b *builder) at(path string, n *yaml.Node) {
	if n == nil || n.Line == 0 {
		return
	}
	b.r.SetAttributeLocation(path, model.Location{File: b.r.Location.File, StartLine: n.Line, EndLine: n.Line})
}

// buildObject maps one object. It returns nil, nil for kinds Vigil does not
// model.
func buildObject(path string, obj *yaml.Node, kind string, loc model.Location) (*model.Resource, error) {
	info, known := objectKinds[kind]
	if !known {
		return nil, nil
	}
	apiVersion := str(field0(obj, "apiVersion"))
	if apiVersion != "" && !info.groups[apiGroup(apiVersion)] {
		return nil, nil
	}
	meta := field0(obj, "metadata")
	name := str(field0(meta, "name"))
	if name == "" {
		name = str(field0(meta, "generateName"))
	}
	if name == "" {
		return nil, file.Errorf(path, obj.Line, "%s has no metadata.name", kind)
	}
	k, _ := model.LookupKind(info.kind)
	r := &model.Resource{
		Kind:       info.kind,
		Provider:   "kubernetes",
		Source:     model.SourceKubernetesManifest,
		Name:       name,
		Tags:       stringMap(field0(meta, "labels")),
		Attributes: k.New(),
		Location:   &loc,
	}
	b := &builder{r: r}
	ns := ""
	if !info.clusterScoped {
		ns = "default"
		if f, found := get(meta, "namespace"); found && str(f.value) != "" {
			ns = str(f.value)
			b.at("namespace", f.key)
		}
		r.ID = path + ":" + ns + "/" + kind + "/" + name
	} else {
		r.ID = path + ":" + kind + "/" + name
	}
	if f, found := get(meta, "labels"); found {
		b.at("labels", f.key)
	}
	spec := field0(obj, "spec")
	switch a := r.Attributes.(type) {
	case *model.KubernetesWorkload:
		b.workload(a, kind, obj, ns)
	case *model.KubernetesRole:
		a.Namespace = ns
		b.role(a, obj)
	case *model.KubernetesRoleBinding:
		a.Namespace = ns
		b.roleBinding(a, obj)
	case *model.KubernetesNamespace:
		a.Declared = true
		a.Labels = stringMap(field0(meta, "labels"))
	case *model.KubernetesNetworkPolicy:
		a.Namespace = ns
		b.networkPolicy(a, spec)
	case *model.KubernetesService:
		a.Namespace = ns
		b.service(a, spec)
	case *model.KubernetesServiceAccount:
		a.Namespace = ns
		if f, found := get(obj, "automountServiceAccountToken"); found {
			if v, isBool := boolean(f.value); isBool {
				a.AutomountServiceAccountToken = &v
				b.at("automount_service_account_token", f.key)
			}
		}
	}
	return r, nil
}

func (b *builder) role(a *model.KubernetesRole, obj *yaml.Node) {
	rules, ok := get(obj, "rules")
	if !ok {
		return
	}
	b.at("rules", rules.key)
	for i, rn := range items(rules.value) {
		p := model.Path("rules", i)
		b.at(p, rn)
		var rule model.RBACRule
		for _, f := range fields(rn) {
			var dst *[]string
			var name string
			switch f.key.Value {
			case "apiGroups":
				dst, name = &rule.APIGroups, "api_groups"
			case "resources":
				dst, name = &rule.Resources, "resources"
			case "verbs":
				dst, name = &rule.Verbs, "verbs"
			case "resourceNames":
				dst, name = &rule.ResourceNames, "resource_names"
			case "nonResourceURLs":
				dst, name = &rule.NonResourceURLs, "non_resource_urls"
			default:
				continue
			}
			*dst = stringList(f.value)
			b.at(p+"."+name, f.key)
		}
		a.Rules = append(a.Rules, rule)
	}
}

func (b *builder) roleBinding(a *model.KubernetesRoleBinding, obj *yaml.Node) {
	if ref, ok := get(obj, "roleRef"); ok {
		b.at("role_ref_name", ref.key)
		b.at("role_ref_kind", ref.key)
		if f, ok := get(ref.value, "kind"); ok {
			a.RoleRefKind = str(f.value)
			b.at("role_ref_kind", f.key)
		}
		if f, ok := get(ref.value, "name"); ok {
			a.RoleRefName = str(f.value)
			b.at("role_ref_name", f.key)
		}
	}
	subs, ok := get(obj, "subjects")
	if !ok {
		return
	}
	b.at("subjects", subs.key)
	for i, sn := range items(subs.value) {
		p := model.Path("subjects", i)
		b.at(p, sn)
		s := model.RBACSubject{
			Kind:      str(field0(sn, "kind")),
			Name:      str(field0(sn, "name")),
			Namespace: str(field0(sn, "namespace")),
		}
		for _, k := range []struct{ yaml, model string }{{"kind", "kind"}, {"name", "name"}, {"namespace", "namespace"}} {
			if f, ok := get(sn, k.yaml); ok {
				b.at(p+"."+k.model, f.key)
			}
		}
		a.Subjects = append(a.Subjects, s)
	}
}

func (b *builder) networkPolicy(a *model.KubernetesNetworkPolicy, spec *yaml.Node) {
	a.SelectsAll = true
	if f, ok := get(spec, "podSelector"); ok {
		b.at("selects_all_pods", f.key)
		for _, sel := range fields(f.value) {
			if len(items(sel.value)) > 0 || len(fields(sel.value)) > 0 {
				a.SelectsAll = false
			}
		}
	}
	ingress, hasIngress := get(spec, "ingress")
	egress, hasEgress := get(spec, "egress")
	a.IngressRules = len(items(ingress.value))
	a.EgressRules = len(items(egress.value))
	if hasIngress {
		b.at("ingress_rules", ingress.key)
	}
	if hasEgress {
		b.at("egress_rules", egress.key)
	}
	if f, ok := get(spec, "policyTypes"); ok {
		a.PolicyTypes = stringList(f.value)
		b.at("policy_types", f.key)
	} else {
		// The API server's default: Ingress always, Egress when egress
		// rules are present.
		a.PolicyTypes = []string{"Ingress"}
		if hasEgress {
			a.PolicyTypes = append(a.PolicyTypes, "Egress")
		}
	}
}

func (b *builder) service(a *model.KubernetesService, spec *yaml.Node) {
	a.Type = "ClusterIP"
	if f, ok := get(spec, "type"); ok && str(f.value) != "" {
		a.Type = str(f.value)
		b.at("type", f.key)
	}
	if f, ok := get(spec, "ports"); ok {
		b.at("ports", f.key)
		for i, pn := range items(f.value) {
			p := model.Path("ports", i)
			b.at(p, pn)
			sp := model.ServicePort{Protocol: "TCP"}
			if v, ok := integer(field0(pn, "port")); ok {
				sp.Port = int(v)
			}
			if g, ok := get(pn, "nodePort"); ok {
				if v, ok := integer(g.value); ok {
					sp.NodePort = int(v)
					b.at(p+".node_port", g.key)
				}
			}
			if s := str(field0(pn, "protocol")); s != "" {
				sp.Protocol = s
			}
			a.Ports = append(a.Ports, sp)
		}
	}
	if f, ok := get(spec, "externalIPs"); ok {
		a.ExternalIPs = stringList(f.value)
		b.at("external_ips", f.key)
	}
	if f, ok := get(spec, "loadBalancerSourceRanges"); ok {
		a.LoadBalancerSourceRanges = stringList(f.value)
		b.at("load_balancer_source_ranges", f.key)
	}
}
