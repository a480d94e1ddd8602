package kubernetes

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/vigil-sec/vigil/model"
)

// podTemplate finds the pod template of a workload: the object itself for
// a Pod, spec.template for controllers, spec.jobTemplate.spec.template for
// a CronJob. It returns the template's metadata and its spec field.
func podTemplate(kind string, obj *yaml.Node) (meta *yaml.Node, spec field, ok bool) {
	switch kind {
	case "Pod":
		spec, ok = get(obj, "spec")
		return field0(obj, "metadata"), spec, ok
	case "CronJob":
		tmpl, found := dig(obj, "spec", "jobTemplate", "spec", "template")
		if !found {
			return nil, field{}, false
		}
		spec, ok = get(tmpl.value, "spec")
		return field0(tmpl.value, "metadata"), spec, ok
	default:
		tmpl, found := dig(obj, "spec", "template")
		if !found {
			return nil, field{}, false
		}
		spec, ok = get(tmpl.value, "spec")
		return field0(tmpl.value, "metadata"), spec, ok
	}
}

func (b *builder) workload(a *model.KubernetesWorkload, kind string, obj *yaml.Node, ns string) {
	a.Namespace = ns
	a.Labels = stringMap(dig0(obj, "metadata", "labels"))
	if f, ok := dig(obj, "spec", "replicas"); ok && kind != "Pod" {
		if v, isInt := integer(f.value); isInt {
			n := int(v)
			a.Replicas = &n
			b.at("replicas", f.key)
		}
	}
	meta, spec, ok := podTemplate(kind, obj)
	if f, found := get(meta, "labels"); found {
		a.PodLabels = stringMap(f.value)
		b.at("pod_labels", f.key)
	}
	if !ok {
		return
	}
	b.at("pod_spec", spec.key)
	b.podSpec(&a.PodSpec, spec.value)
}

func dig0(n *yaml.Node, keys ...string) *yaml.Node {
	f, _ := dig(n, keys...)
	return f.value
}

// boolField sets *dst from a boolean key of n and records its location.
func (b *builder) boolField(n *yaml.Node, key, path string, dst *bool) {
	if f, ok := get(n, key); ok {
		if v, isBool := boolean(f.value); isBool {
			*dst = v
			b.at(path, f.key)
		}
	}
}

// boolPtr is boolField for optional booleans: nil stays nil when unset.
func (b *builder) boolPtr(n *yaml.Node, key, path string) *bool {
	if f, ok := get(n, key); ok {
		if v, isBool := boolean(f.value); isBool {
			b.at(path, f.key)
			return &v
		}
	}
	return nil
}

func (b *builder) intPtr(n *yaml.Node, key, path string) *int64 {
	if f, ok := get(n, key); ok {
		if v, isInt := integer(f.value); isInt {
			b.at(path, f.key)
			return &v
		}
	}
	return nil
}

func (b *builder) stringField(n *yaml.Node, key, path string) string {
	if f, ok := get(n, key); ok {
		b.at(path, f.key)
		return str(f.value)
	}
	return ""
}

func (b *builder) podSpec(ps *model.PodSpec, spec *yaml.Node) {
	ps.ServiceAccountName = b.stringField(spec, "serviceAccountName", "pod_spec.service_account_name")
	if ps.ServiceAccountName == "" {
		// serviceAccount is the deprecated alias the API still honours.
		ps.ServiceAccountName = b.stringField(spec, "serviceAccount", "pod_spec.service_account_name")
	}
	ps.AutomountServiceAccountToken = b.boolPtr(spec, "automountServiceAccountToken", "pod_spec.automount_service_account_token")
	b.boolField(spec, "hostNetwork", "pod_spec.host_network", &ps.HostNetwork)
	b.boolField(spec, "hostPID", "pod_spec.host_pid", &ps.HostPID)
	b.boolField(spec, "hostIPC", "pod_spec.host_ipc", &ps.HostIPC)

	if f, ok := get(spec, "securityContext"); ok {
		const p = "pod_spec.security_context"
		b.at(p, f.key)
		sc := f.value
		psc := &ps.SecurityContext
		psc.RunAsNonRoot = b.boolPtr(sc, "runAsNonRoot", p+".run_as_non_root")
		psc.RunAsUser = b.intPtr(sc, "runAsUser", p+".run_as_user")
		psc.RunAsGroup = b.intPtr(sc, "runAsGroup", p+".run_as_group")
		psc.FSGroup = b.intPtr(sc, "fsGroup", p+".fs_group")
		if g, ok := dig(sc, "seccompProfile", "type"); ok {
			psc.SeccompProfileType = str(g.value)
			b.at(p+".seccomp_profile_type", g.key)
		}
		if g, ok := dig(sc, "appArmorProfile", "type"); ok {
			psc.AppArmorProfile = str(g.value)
			b.at(p+".apparmor_profile", g.key)
		}
		if g, ok := get(sc, "sysctls"); ok {
			b.at(p+".sysctls", g.key)
			for _, s := range items(g.value) {
				if name := str(field0(s, "name")); name != "" {
					psc.Sysctls = append(psc.Sysctls, name)
				}
			}
		}
	}

	groups := []struct{ key, typ string }{
		{"initContainers", "init"}, {"containers", "container"}, {"ephemeralContainers", "ephemeral"},
	}
	for _, g := range groups {
		f, ok := get(spec, g.key)
		if !ok {
			continue
		}
		if g.typ == "container" {
			b.at("pod_spec.containers", f.key)
		}
		for _, cn := range items(f.value) {
			if cn == nil || cn.Kind != yaml.MappingNode {
				continue
			}
			i := len(ps.Containers)
			ps.Containers = append(ps.Containers, b.container(model.Path("pod_spec.containers", i), cn, g.typ))
		}
	}

	if f, ok := get(spec, "volumes"); ok {
		b.at("pod_spec.volumes", f.key)
		for i, vn := range items(f.value) {
			p := model.Path("pod_spec.volumes", i)
			b.at(p, vn)
			v := model.Volume{Name: str(field0(vn, "name"))}
			for _, vf := range fields(vn) {
				if vf.key.Value != "name" {
					v.Type = vf.key.Value
					b.at(p+".type", vf.key)
					break
				}
			}
			if hp, ok := dig(vn, "hostPath", "path"); ok {
				v.HostPath = str(hp.value)
				b.at(p+".host_path", hp.key)
			}
			ps.Volumes = append(ps.Volumes, v)
		}
	}
}

func (b *builder) container(p string, cn *yaml.Node, typ string) model.Container {
	b.at(p, cn)
	c := model.Container{Type: typ}
	c.Name = b.stringField(cn, "name", p+".name")
	c.Image = b.stringField(cn, "image", p+".image")
	c.ImagePullPolicy = b.stringField(cn, "imagePullPolicy", p+".image_pull_policy")
	if c.ImagePullPolicy == "" {
		c.ImagePullPolicy = defaultPullPolicy(c.Image)
	}

	if f, ok := get(cn, "securityContext"); ok {
		sc := f.value
		c.Privileged = b.boolPtr(sc, "privileged", p+".privileged")
		c.AllowPrivilegeEscalation = b.boolPtr(sc, "allowPrivilegeEscalation", p+".allow_privilege_escalation")
		c.RunAsNonRoot = b.boolPtr(sc, "runAsNonRoot", p+".run_as_non_root")
		c.RunAsUser = b.intPtr(sc, "runAsUser", p+".run_as_user")
		c.ReadOnlyRootFilesystem = b.boolPtr(sc, "readOnlyRootFilesystem", p+".read_only_root_filesystem")
		if g, ok := dig(sc, "capabilities", "add"); ok {
			c.CapabilitiesAdd = stringList(g.value)
			b.at(p+".capabilities_add", g.key)
		}
		if g, ok := dig(sc, "capabilities", "drop"); ok {
			c.CapabilitiesDrop = stringList(g.value)
			b.at(p+".capabilities_drop", g.key)
		}
		if g, ok := dig(sc, "seccompProfile", "type"); ok {
			c.SeccompProfileType = str(g.value)
			b.at(p+".seccomp_profile_type", g.key)
		}
	}

	if f, ok := get(cn, "resources"); ok {
		rp := p + ".resources"
		b.at(rp, f.key)
		for _, q := range []struct {
			section, name, path string
			dst                 *string
		}{
			{"limits", "cpu", "limits_cpu", &c.Resources.LimitsCPU},
			{"limits", "memory", "limits_memory", &c.Resources.LimitsMemory},
			{"requests", "cpu", "requests_cpu", &c.Resources.RequestsCPU},
			{"requests", "memory", "requests_memory", &c.Resources.RequestsMemory},
		} {
			if g, ok := dig(f.value, q.section, q.name); ok {
				*q.dst = str(g.value)
				b.at(rp+"."+q.path, g.key)
			}
		}
	}

	if f, ok := get(cn, "ports"); ok {
		b.at(p+".ports", f.key)
		for j, pn := range items(f.value) {
			pp := model.Path(p, "ports", j)
			b.at(pp, pn)
			port := model.ContainerPort{Protocol: "TCP"}
			if g, ok := get(pn, "containerPort"); ok {
				v, _ := integer(g.value)
				port.ContainerPort = int(v)
				b.at(pp+".container_port", g.key)
			}
			if g, ok := get(pn, "hostPort"); ok {
				v, _ := integer(g.value)
				port.HostPort = int(v)
				b.at(pp+".host_port", g.key)
			}
			if s := b.stringField(pn, "protocol", pp+".protocol"); s != "" {
				port.Protocol = s
			}
			c.Ports = append(c.Ports, port)
		}
	}

	if f, ok := get(cn, "livenessProbe"); ok {
		c.LivenessProbe = true
		b.at(p+".liveness_probe", f.key)
	}
	if f, ok := get(cn, "readinessProbe"); ok {
		c.ReadinessProbe = true
		b.at(p+".readiness_probe", f.key)
	}

	if f, ok := get(cn, "env"); ok {
		b.at(p+".env", f.key)
		for j, en := range items(f.value) {
			ep := model.Path(p, "env", j)
			b.at(ep, en)
			// Only flags are kept: a literal value never leaves this function.
			e := model.EnvVar{Name: b.stringField(en, "name", ep+".name")}
			if g, ok := get(en, "value"); ok && str(g.value) != "" {
				e.HasValue = true
				b.at(ep+".has_value", g.key)
			}
			if g, ok := get(en, "valueFrom"); ok {
				if h, ok := get(g.value, "secretKeyRef"); ok {
					e.FromSecret = true
					b.at(ep+".from_secret", h.key)
				}
				if h, ok := get(g.value, "configMapKeyRef"); ok {
					e.FromConfigMap = true
					b.at(ep+".from_config_map", h.key)
				}
			}
			c.Env = append(c.Env, e)
		}
	}
	return c
}

// defaultPullPolicy is the API server's default: Always for :latest or
// untagged images, IfNotPresent otherwise (digests included).
func defaultPullPolicy(image string) string {
	if image == "" {
		return ""
	}
	if strings.Contains(image, "@") {
		return "IfNotPresent"
	}
	tag := imageTag(image)
	if tag == "" || tag == "latest" {
		return "Always"
	}
	return "IfNotPresent"
}

// imageTag returns the tag of an image reference ("" when untagged). A
// colon before the last slash belongs to a registry host:port.
func imageTag(image string) string {
	if i := strings.IndexByte(image, '@'); i >= 0 {
		image = image[:i]
	}
	last := image[strings.LastIndexByte(image, '/')+1:]
	if i := strings.LastIndexByte(last, ':'); i >= 0 {
		return last[i+1:]
	}
	return ""
}
