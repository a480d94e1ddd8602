package kubernetes

import (
	"sort"
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// Finalize runs once over the resources of every scanned file. It gives
// each kubernetes.namespace resource the names of the NetworkPolicies in
// its namespace and the number of workloads in it, and synthesizes a namespace resource (declared=false) for
// every namespace that objects use but no Namespace object declares; its
// Location is the first object that used it. Calling it twice is harmless.
func Finalize(rs []*model.Resource) []*model.Resource {
	netpols := map[string][]string{}
	workloads := map[string]int{}
	have := map[string]bool{}
	var used []string
	firstUser := map[string]*model.Resource{}
	for _, r := range rs {
		if r == nil || r.Provider != "kubernetes" {
			continue
		}
		if model.KindKubernetesNamespace.Is(r) {
			have[r.Name] = true
			continue
		}
		ns, ok := namespaceOf(r)
		if !ok || ns == "" {
			continue
		}
		if _, seen := firstUser[ns]; !seen {
			firstUser[ns] = r
			used = append(used, ns)
		}
		if model.KindKubernetesNetworkPolicy.Is(r) {
			netpols[ns] = append(netpols[ns], r.Name)
		}
		if _, ok := r.Attributes.(*model.KubernetesWorkload); ok {
			workloads[ns]++
		}
	}
	out := rs
	for _, ns := range used {
		if have[ns] {
			continue
		}
		u := firstUser[ns]
		r := model.KindKubernetesNamespace.Resource(fileOf(u)+":Namespace/"+ns, &model.KubernetesNamespace{})
		r.Provider, r.Source, r.Name = "kubernetes", u.Source, ns
		if u.Location != nil {
			loc := *u.Location
			r.Location = &loc
		}
		// Suppressions written on the first user cover the namespace too:
		// there is no Namespace object to write them on.
		r.Ignores = append(r.Ignores, u.Ignores...)
		out = append(out, r)
	}
	for _, r := range out {
		if r == nil || r.Provider != "kubernetes" || !model.KindKubernetesNamespace.Is(r) {
			continue
		}
		a, ok := model.KindKubernetesNamespace.Attrs(r)
		if !ok {
			continue
		}
		names := append([]string{}, netpols[r.Name]...)
		sort.Strings(names)
		a.NetworkPolicies = names
		a.Workloads = workloads[r.Name]
	}
	return out
}

// namespaceOf returns the namespace of a namespaced object.
func namespaceOf(r *model.Resource) (string, bool) {
	switch a := r.Attributes.(type) {
	case *model.KubernetesWorkload:
		return a.Namespace, true
	case *model.KubernetesRole:
		return a.Namespace, model.KindKubernetesRole.Is(r)
	case *model.KubernetesRoleBinding:
		return a.Namespace, model.KindKubernetesRoleBinding.Is(r)
	case *model.KubernetesNetworkPolicy:
		return a.Namespace, true
	case *model.KubernetesService:
		return a.Namespace, true
	case *model.KubernetesServiceAccount:
		return a.Namespace, true
	}
	return "", false
}

// fileOf is the file a resource came from.
func fileOf(r *model.Resource) string {
	if r.Location != nil && r.Location.File != "" {
		return r.Location.File
	}
	if i := strings.IndexByte(r.ID, ':'); i >= 0 {
		return r.ID[:i]
	}
	return r.ID
}
