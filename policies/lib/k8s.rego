# Helpers over Kubernetes workloads (the normalized pod-spec view shared by
# every workload kind) and RBAC rules.
package vigil.lib.k8s

# pod_spec of the workload under evaluation.
pod_spec := object.get(input.attributes, "pod_spec", {})

# containers: index -> container, over init, regular and ephemeral ones.
containers[i] := c if {
	some i, c in container_list
}

# app_containers: only long-running (type "container") ones, which is where
# probes and most resource settings matter.
app_containers[i] := c if {
	some i, c in containers
	object.get(c, "type", "container") == "container"
}

# container_path is the attribute path of container i.
container_path(i) := sprintf("pod_spec.containers[%d]", [i])

# field_path is the path of a field of container i.
field_path(i, field) := sprintf("pod_spec.containers[%d].%s", [i, field])

# label names a container in messages.
label(c) := sprintf("container %q", [object.get(c, "name", "")]) if {
	object.get(c, "type", "container") in {"container", "", null}
} else := sprintf("%s container %q", [c.type, object.get(c, "name", "")])

pod_security_context := object.get(pod_spec, "security_context", {})

# windows holds for pods that state spec.os.name: windows. The restricted
# Pod Security Standard exempts them from the Linux-only controls
# (privilege escalation, seccomp, capabilities) since Kubernetes 1.25: the
# API rejects those fields on Windows pods.
windows if object.get(pod_spec, "os", "") == "windows"

# setting returns the container's value of a security setting, else the
# pod-level one, else null: container settings override the pod's.
setting(c, field) := v if {
	v := c[field]
	v != null
} else := v if {
	v := pod_security_context[field]
	v != null
} else := null

# --- RBAC ---

# rbac_rules: index -> rule of a Role or ClusterRole.
rbac_rules[i] := r if {
	some i, r in arr(object.get(input.attributes, "rules", []))
}

rule_path(i, field) := sprintf("rules[%d].%s", [i, field])

strs(r, field) := arr(object.get(r, field, []))

# --- values ---

# arr is x when it is an array, else [] (JSON null for unset lists).
arr(x) := x if is_array(x)

arr(x) := [] if not is_array(x)

# volumes: index -> volume of the pod spec.
volumes[i] := v if {
	some i, v in arr(object.get(pod_spec, "volumes", []))
}

# container_list: the container array with null read as empty.
container_list := arr(object.get(pod_spec, "containers", []))

# cap normalizes a capability name: upper case, no CAP_ prefix.
cap(c) := trim_prefix(upper(c), "CAP_")

added_caps(c) := {cap(x) | some x in arr(object.get(c, "capabilities_add", []))}

dropped_caps(c) := {cap(x) | some x in arr(object.get(c, "capabilities_drop", []))}

# digest_pinned holds for image references pinned by digest.
digest_pinned(image) if contains(image, "@")

# image_tag is the tag of an image reference ("" when untagged); a colon
# before the last slash is a registry port, not a tag.
image_tag(image) := tag if {
	not digest_pinned(image)
	parts := split(image, "/")
	last := parts[count(parts) - 1]
	segs := split(last, ":")
	count(segs) > 1
	tag := segs[count(segs) - 1]
} else := ""

# mutable_tag holds for images that float: untagged or :latest, not pinned
# by digest.
mutable_tag(image) if {
	not digest_pinned(image)
	image_tag(image) in {"", "latest"}
}

# matches_resource holds when an RBAC resource entry covers target
# ("*" covers everything, "pods/*" every pod subresource).
matches_resource(entry, target) if entry == target

matches_resource(entry, _) if entry == "*"

matches_resource(entry, target) if {
	endswith(entry, "/*")
	startswith(target, trim_suffix(entry, "*"))
}

# allows holds when RBAC rule r allows verb on resource of the core API
# group (wildcards included), for every resource name.
allows(r, verb, resource) if {
	some v in strs(r, "verbs")
	v in {verb, "*"}
	some res in strs(r, "resources")
	matches_resource(res, resource)
	some g in strs(r, "api_groups")
	g in {"", "*"}
}

# allows_in holds when RBAC rule r allows verb on resource of API group
# group (wildcards included), for every resource name.
allows_in(r, verb, group, resource) if {
	some v in strs(r, "verbs")
	v in {verb, "*"}
	some res in strs(r, "resources")
	matches_resource(res, resource)
	some g in strs(r, "api_groups")
	g in {group, "*"}
}
