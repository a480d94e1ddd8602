package kubernetes

import (
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// podTemplate finds the pod template of a workload: the object itself for
// a Pod, spec.template for controllers, spec.jobTemplate.spec.template for
// a CronJob. It returns the template's metadata and its spec.
func podTemplate(kind string, obj val) (meta, spec val, ok bool) {
	tmpl := obj
	switch kind {
	case "Pod":
	case "CronJob":
		if tmpl, ok = obj.dig("spec", "jobTemplate", "spec", "template"); !ok {
			return val{}, val{}, false
		}
	default:
		if tmpl, ok = obj.dig("spec", "template"); !ok {
			return val{}, val{}, false
		}
	}
	spec, ok = tmpl.get("spec")
	return tmpl.field("metadata"), spec, ok
}

func (b *builder) workload(a *model.KubernetesWorkload, kind string, obj val, ns string) {
	a.Namespace = ns
	labels, _ := obj.dig("metadata", "labels")
	a.Labels = labels.stringMap()
	if f, ok := obj.dig("spec", "replicas"); ok && kind != "Pod" {
		if v, isInt := f.integer(); isInt {
			n := int(v)
			a.Replicas = &n
			b.at("replicas", f)
		}
	}
	meta, spec, ok := podTemplate(kind, obj)
	if f, found := meta.get("labels"); found {
		a.PodLabels = f.stringMap()
		b.at("pod_labels", f)
	}
	if !ok {
		return
	}
	b.at("pod_spec", spec)
	b.podSpec(&a.PodSpec, spec)
	b.appArmorAnnotations(&a.PodSpec, meta)
}

// appArmorAnnotation is the prefix of the annotations that set a
// container's AppArmor profile before securityContext.appArmorProfile
// (Kubernetes 1.30) replaced them; the API server still honours them.
const appArmorAnnotation = "container.apparmor.security.beta.kubernetes.io/"

// appArmorAnnotations gives each container without an appArmorProfile the
// profile its annotation names, in the field's terms.
func (b *builder) appArmorAnnotations(ps *model.PodSpec, meta val) {
	ann, ok := meta.get("annotations")
	if !ok {
		return
	}
	for _, k := range ann.keys() {
		name, found := strings.CutPrefix(k, appArmorAnnotation)
		if !found {
			continue
		}
		f := ann.field(k)
		for i := range ps.Containers {
			c := &ps.Containers[i]
			if c.Name != name || c.AppArmorProfile != "" {
				continue
			}
			c.AppArmorProfile = appArmorType(f.str())
			b.at(model.Path("pod_spec.containers", i, "apparmor_profile"), f)
		}
	}
}

// appArmorType maps an annotation value to the field's type: runtime/default
// is RuntimeDefault, localhost/NAME Localhost, unconfined Unconfined; any
// other value is kept as written (and allowed by no rule).
func appArmorType(v string) string {
	switch {
	case v == "runtime/default":
		return "RuntimeDefault"
	case strings.HasPrefix(v, "localhost/"):
		return "Localhost"
	case v == "unconfined":
		return "Unconfined"
	}
	return v
}

// seLinux reads a seLinuxOptions object.
func (b *builder) seLinux(sc val, p string) *model.SELinuxOptions {
	f, ok := sc.get("seLinuxOptions")
	if !ok || !f.isMap() {
		return nil
	}
	b.at(p, f)
	return &model.SELinuxOptions{
		User:  b.stringField(f, "user", p+".user"),
		Role:  b.stringField(f, "role", p+".role"),
		Type:  b.stringField(f, "type", p+".type"),
		Level: b.stringField(f, "level", p+".level"),
	}
}

// hostProcess reads windowsOptions.hostProcess.
func (b *builder) hostProcess(sc val, p string) *bool {
	w, ok := sc.get("windowsOptions")
	if !ok {
		return nil
	}
	return b.boolPtr(w, "hostProcess", p)
}

// boolField sets *dst from a boolean key of n and records its location.
func (b *builder) boolField(n val, key, path string, dst *bool) {
	if f, ok := n.get(key); ok {
		if v, isBool := f.boolean(); isBool {
			*dst = v
			b.at(path, f)
		}
	}
}

// boolPtr is boolField for optional booleans: nil stays nil when unset.
func (b *builder) boolPtr(n val, key, path string) *bool {
	if f, ok := n.get(key); ok {
		if v, isBool := f.boolean(); isBool {
			b.at(path, f)
			return &v
		}
	}
	return nil
}

func (b *builder) intPtr(n val, key, path string) *int64 {
	if f, ok := n.get(key); ok {
		if v, isInt := f.integer(); isInt {
			b.at(path, f)
			return &v
		}
	}
	return nil
}

func (b *builder) stringField(n val, key, path string) string {
	if f, ok := n.get(key); ok {
		b.at(path, f)
		return f.str()
	}
	return ""
}

func (b *builder) podSpec(ps *model.PodSpec, spec val) {
	ps.ServiceAccountName = b.stringField(spec, "serviceAccountName", "pod_spec.service_account_name")
	if ps.ServiceAccountName == "" {
		// serviceAccount is the deprecated alias the API still honours.
		ps.ServiceAccountName = b.stringField(spec, "serviceAccount", "pod_spec.service_account_name")
	}
	ps.AutomountServiceAccountToken = b.boolPtr(spec, "automountServiceAccountToken", "pod_spec.automount_service_account_token")
	b.boolField(spec, "hostNetwork", "pod_spec.host_network", &ps.HostNetwork)
	b.boolField(spec, "hostPID", "pod_spec.host_pid", &ps.HostPID)
	b.boolField(spec, "hostIPC", "pod_spec.host_ipc", &ps.HostIPC)
	if f, ok := spec.dig("os", "name"); ok {
		ps.OS = f.str()
		b.at("pod_spec.os", f)
	}

	if sc, ok := spec.get("securityContext"); ok {
		const p = "pod_spec.security_context"
		b.at(p, sc)
		psc := &ps.SecurityContext
		psc.RunAsNonRoot = b.boolPtr(sc, "runAsNonRoot", p+".run_as_non_root")
		psc.RunAsUser = b.intPtr(sc, "runAsUser", p+".run_as_user")
		psc.RunAsGroup = b.intPtr(sc, "runAsGroup", p+".run_as_group")
		psc.FSGroup = b.intPtr(sc, "fsGroup", p+".fs_group")
		if g, ok := sc.dig("seccompProfile", "type"); ok {
			psc.SeccompProfileType = g.str()
			b.at(p+".seccomp_profile_type", g)
		}
		if g, ok := sc.dig("appArmorProfile", "type"); ok {
			psc.AppArmorProfile = g.str()
			b.at(p+".apparmor_profile", g)
		}
		psc.SELinuxOptions = b.seLinux(sc, p+".se_linux_options")
		psc.HostProcess = b.hostProcess(sc, p+".host_process")
		if g, ok := sc.get("sysctls"); ok {
			b.at(p+".sysctls", g)
			for _, s := range g.items() {
				if name := s.field("name").str(); name != "" {
					psc.Sysctls = append(psc.Sysctls, name)
				}
			}
		}
	}

	groups := []struct{ key, typ string }{
		{"initContainers", "init"}, {"containers", "container"}, {"ephemeralContainers", "ephemeral"},
	}
	for _, g := range groups {
		f, ok := spec.get(g.key)
		if !ok {
			continue
		}
		if g.typ == "container" {
			b.at("pod_spec.containers", f)
		}
		for _, cn := range f.items() {
			if !cn.isMap() {
				continue
			}
			i := len(ps.Containers)
			ps.Containers = append(ps.Containers, b.container(model.Path("pod_spec.containers", i), cn, g.typ))
		}
	}

	if f, ok := spec.get("volumes"); ok {
		b.at("pod_spec.volumes", f)
		for i, vn := range f.items() {
			p := model.Path("pod_spec.volumes", i)
			b.at(p, vn)
			v := model.Volume{Name: vn.field("name").str()}
			if t, ok := vn.present(volumeType(vn)); ok {
				v.Type = volumeType(vn)
				b.at(p+".type", t)
			}
			if hp, ok := vn.dig("hostPath", "path"); ok {
				v.HostPath = hp.str()
				b.at(p+".host_path", hp)
			}
			ps.Volumes = append(ps.Volumes, v)
		}
	}
}

// volumeType is the key naming a volume's source: the one key beside
// name. An invalid volume with several reads as hostPath when it has one
// (the source rules judge), else as the first in order.
func volumeType(vn val) string {
	var types []string
	for _, k := range vn.keys() {
		if k == "hostPath" {
			return k
		}
		if k != "name" {
			types = append(types, k)
		}
	}
	if len(types) == 0 {
		return ""
	}
	return types[0]
}

func (b *builder) container(p string, cn val, typ string) model.Container {
	b.at(p, cn)
	c := model.Container{Type: typ}
	c.Name = b.stringField(cn, "name", p+".name")
	c.Image = b.stringField(cn, "image", p+".image")
	c.ImagePullPolicy = b.stringField(cn, "imagePullPolicy", p+".image_pull_policy")
	if c.ImagePullPolicy == "" {
		c.ImagePullPolicy = defaultPullPolicy(c.Image)
	}

	if sc, ok := cn.get("securityContext"); ok {
		c.Privileged = b.boolPtr(sc, "privileged", p+".privileged")
		c.AllowPrivilegeEscalation = b.boolPtr(sc, "allowPrivilegeEscalation", p+".allow_privilege_escalation")
		c.RunAsNonRoot = b.boolPtr(sc, "runAsNonRoot", p+".run_as_non_root")
		c.RunAsUser = b.intPtr(sc, "runAsUser", p+".run_as_user")
		c.ReadOnlyRootFilesystem = b.boolPtr(sc, "readOnlyRootFilesystem", p+".read_only_root_filesystem")
		if g, ok := sc.dig("capabilities", "add"); ok {
			c.CapabilitiesAdd = g.stringList()
			b.at(p+".capabilities_add", g)
		}
		if g, ok := sc.dig("capabilities", "drop"); ok {
			c.CapabilitiesDrop = g.stringList()
			b.at(p+".capabilities_drop", g)
		}
		if g, ok := sc.dig("seccompProfile", "type"); ok {
			c.SeccompProfileType = g.str()
			b.at(p+".seccomp_profile_type", g)
		}
		if g, ok := sc.dig("appArmorProfile", "type"); ok {
			c.AppArmorProfile = g.str()
			b.at(p+".apparmor_profile", g)
		}
		c.SELinuxOptions = b.seLinux(sc, p+".se_linux_options")
		c.ProcMount = b.stringField(sc, "procMount", p+".proc_mount")
		c.HostProcess = b.hostProcess(sc, p+".host_process")
	}

	if f, ok := cn.get("resources"); ok {
		rp := p + ".resources"
		b.at(rp, f)
		for _, q := range []struct {
			section, name, path string
			dst                 *string
		}{
			{"limits", "cpu", "limits_cpu", &c.Resources.LimitsCPU},
			{"limits", "memory", "limits_memory", &c.Resources.LimitsMemory},
			{"requests", "cpu", "requests_cpu", &c.Resources.RequestsCPU},
			{"requests", "memory", "requests_memory", &c.Resources.RequestsMemory},
		} {
			if g, ok := f.dig(q.section, q.name); ok {
				*q.dst = g.str()
				b.at(rp+"."+q.path, g)
			}
		}
	}

	if f, ok := cn.get("ports"); ok {
		b.at(p+".ports", f)
		for j, pn := range f.items() {
			pp := model.Path(p, "ports", j)
			b.at(pp, pn)
			port := model.ContainerPort{Protocol: "TCP"}
			if g, ok := pn.get("containerPort"); ok {
				v, _ := g.integer()
				port.ContainerPort = int(v)
				b.at(pp+".container_port", g)
			}
			if g, ok := pn.get("hostPort"); ok {
				v, _ := g.integer()
				port.HostPort = int(v)
				b.at(pp+".host_port", g)
			}
			if s := b.stringField(pn, "protocol", pp+".protocol"); s != "" {
				port.Protocol = s
			}
			c.Ports = append(c.Ports, port)
		}
	}

	if f, ok := cn.get("livenessProbe"); ok {
		c.LivenessProbe = true
		b.at(p+".liveness_probe", f)
	}
	if f, ok := cn.get("readinessProbe"); ok {
		c.ReadinessProbe = true
		b.at(p+".readiness_probe", f)
	}

	if f, ok := cn.get("env"); ok {
		b.at(p+".env", f)
		for j, en := range f.items() {
			ep := model.Path(p, "env", j)
			b.at(ep, en)
			// Only flags are kept: a literal value never leaves this function.
			e := model.EnvVar{Name: b.stringField(en, "name", ep+".name")}
			if g, ok := en.get("value"); ok && g.str() != "" {
				e.HasValue = true
				b.at(ep+".has_value", g)
			}
			if g, ok := en.get("valueFrom"); ok {
				if h, ok := g.get("secretKeyRef"); ok {
					e.FromSecret = true
					b.at(ep+".from_secret", h)
				}
				if h, ok := g.get("configMapKeyRef"); ok {
					e.FromConfigMap = true
					b.at(ep+".from_config_map", h)
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
