package kubernetes

import (
	"strings"

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
	"Pod":                   {kind: model.KindKubernetesPod.Name(), groups: coreGroup},
	"Deployment":            {kind: model.KindKubernetesDeployment.Name(), groups: appsGroups},
	"StatefulSet":           {kind: model.KindKubernetesStatefulSet.Name(), groups: appsGroups},
	"DaemonSet":             {kind: model.KindKubernetesDaemonSet.Name(), groups: appsGroups},
	"ReplicaSet":            {kind: model.KindKubernetesReplicaSet.Name(), groups: appsGroups},
	"ReplicationController": {kind: model.KindKubernetesReplicationController.Name(), groups: coreGroup},
	"Job":                   {kind: model.KindKubernetesJob.Name(), groups: batchGroup},
	"CronJob":               {kind: model.KindKubernetesCronJob.Name(), groups: batchGroup},
	"Role":                  {kind: model.KindKubernetesRole.Name(), groups: rbacGroup},
	"ClusterRole":           {kind: model.KindKubernetesClusterRole.Name(), groups: rbacGroup, clusterScoped: true},
	"RoleBinding":           {kind: model.KindKubernetesRoleBinding.Name(), groups: rbacGroup},
	"ClusterRoleBinding":    {kind: model.KindKubernetesClusterRoleBinding.Name(), groups: rbacGroup, clusterScoped: true},
	"Namespace":             {kind: model.KindKubernetesNamespace.Name(), groups: coreGroup, clusterScoped: true},
	"NetworkPolicy":         {kind: model.KindKubernetesNetworkPolicy.Name(), groups: groups("networking.k8s.io", "extensions")},
	"Service":               {kind: model.KindKubernetesService.Name(), groups: coreGroup},
	"ServiceAccount":        {kind: model.KindKubernetesServiceAccount.Name(), groups: coreGroup},
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
	r    *model.Resource
	line func(path []any) int
}

// at records where value x (a key, or a list item) is written as the
// location of attribute path.
func (b *builder) at(path string, x val) {
	if b.line == nil || b.r.Location == nil {
		return
	}
	if n := b.line(x.path); n > 0 {
		b.r.SetAttributeLocation(path, model.Location{File: b.r.Location.File, StartLine: n, EndLine: n})
	}
}

func (b *builder) role(a *model.KubernetesRole, obj val) {
	rules, ok := obj.get("rules")
	if !ok {
		return
	}
	b.at("rules", rules)
	for i, rn := range rules.items() {
		p := model.Path("rules", i)
		b.at(p, rn)
		var rule model.RBACRule
		for _, f := range []struct {
			key, name string
			dst       *[]string
		}{
			{"apiGroups", "api_groups", &rule.APIGroups},
			{"resources", "resources", &rule.Resources},
			{"verbs", "verbs", &rule.Verbs},
			{"resourceNames", "resource_names", &rule.ResourceNames},
			{"nonResourceURLs", "non_resource_urls", &rule.NonResourceURLs},
		} {
			if v, ok := rn.present(f.key); ok {
				*f.dst = v.stringList()
				b.at(p+"."+f.name, v)
			}
		}
		a.Rules = append(a.Rules, rule)
	}
}

func (b *builder) roleBinding(a *model.KubernetesRoleBinding, obj val) {
	if ref, ok := obj.get("roleRef"); ok {
		b.at("role_ref_name", ref)
		b.at("role_ref_kind", ref)
		if f, ok := ref.get("kind"); ok {
			a.RoleRefKind = f.str()
			b.at("role_ref_kind", f)
		}
		if f, ok := ref.get("name"); ok {
			a.RoleRefName = f.str()
			b.at("role_ref_name", f)
		}
	}
	subs, ok := obj.get("subjects")
	if !ok {
		return
	}
	b.at("subjects", subs)
	for i, sn := range subs.items() {
		p := model.Path("subjects", i)
		b.at(p, sn)
		s := model.RBACSubject{
			Kind:      sn.field("kind").str(),
			Name:      sn.field("name").str(),
			Namespace: sn.field("namespace").str(),
		}
		for _, k := range []struct{ key, model string }{{"kind", "kind"}, {"name", "name"}, {"namespace", "namespace"}} {
			if f, ok := sn.get(k.key); ok {
				b.at(p+"."+k.model, f)
			}
		}
		a.Subjects = append(a.Subjects, s)
	}
}

func (b *builder) networkPolicy(a *model.KubernetesNetworkPolicy, spec val) {
	a.SelectsAll = true
	if f, ok := spec.get("podSelector"); ok {
		b.at("selects_all_pods", f)
		for _, k := range f.keys() {
			// matchLabels or matchExpressions with anything in them.
			if f.field(k).size() > 0 {
				a.SelectsAll = false
			}
		}
	}
	ingress, hasIngress := spec.get("ingress")
	egress, hasEgress := spec.get("egress")
	a.IngressRules = len(ingress.items())
	a.EgressRules = len(egress.items())
	if hasIngress {
		b.at("ingress_rules", ingress)
	}
	if hasEgress {
		b.at("egress_rules", egress)
	}
	if f, ok := spec.get("policyTypes"); ok {
		a.PolicyTypes = f.stringList()
		b.at("policy_types", f)
	} else {
		// The API server's default: Ingress always, Egress when egress
		// rules are present.
		a.PolicyTypes = []string{"Ingress"}
		if hasEgress {
			a.PolicyTypes = append(a.PolicyTypes, "Egress")
		}
	}
}

func (b *builder) service(a *model.KubernetesService, spec val) {
	a.Type = "ClusterIP"
	if f, ok := spec.get("type"); ok && f.str() != "" {
		a.Type = f.str()
		b.at("type", f)
	}
	if f, ok := spec.get("ports"); ok {
		b.at("ports", f)
		for i, pn := range f.items() {
			p := model.Path("ports", i)
			b.at(p, pn)
			sp := model.ServicePort{Protocol: "TCP"}
			if v, ok := pn.field("port").integer(); ok {
				sp.Port = int(v)
			}
			if g, ok := pn.get("nodePort"); ok {
				if v, ok := g.integer(); ok {
					sp.NodePort = int(v)
					b.at(p+".node_port", g)
				}
			}
			if s := pn.field("protocol").str(); s != "" {
				sp.Protocol = s
			}
			a.Ports = append(a.Ports, sp)
		}
	}
	if f, ok := spec.get("externalIPs"); ok {
		a.ExternalIPs = f.stringList()
		b.at("external_ips", f)
	}
	if f, ok := spec.get("loadBalancerSourceRanges"); ok {
		a.LoadBalancerSourceRanges = f.stringList()
		b.at("load_balancer_source_ranges", f)
	}
}
