# METADATA
# title: "Pod or container overrides the default AppArmor profile"
# description: "On hosts with AppArmor the runtime's default profile confines every container; the baseline Pod Security Standard forbids disabling it (Unconfined) or replacing it with anything but RuntimeDefault or a Localhost profile."
# custom:
#   id: K8S-036
#   severity: medium
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Remove `appArmorProfile` (and `container.apparmor.security.beta.kubernetes.io/*` annotations) or set the type to RuntimeDefault or Localhost."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/, https://kubernetes.io/docs/tutorials/security/apparmor/]
#   compliance:
#     pss-baseline: ["apparmor"]
#     nist-800-53-r5: ["AC-6", "SC-39"]
package vigil.rules.kubernetes.pod_security.apparmor

import data.vigil.lib.k8s

# Allowed: unset, RuntimeDefault, Localhost. Annotations are normalized to
# the field's types (runtime/default, localhost/NAME).
allowed := {"", "RuntimeDefault", "Localhost"}

deny contains {"msg": msg, "path": "pod_spec.security_context.apparmor_profile"} if {
	p := object.get(k8s.pod_security_context, "apparmor_profile", "")
	p != null
	not p in allowed
	msg := sprintf("pod sets AppArmor profile %q (allowed: RuntimeDefault, Localhost)", [p])
}

deny contains {"msg": msg, "path": k8s.field_path(i, "apparmor_profile")} if {
	some i, c in k8s.containers
	p := object.get(c, "apparmor_profile", "")
	p != null
	not p in allowed
	msg := sprintf("%s sets AppArmor profile %q (allowed: RuntimeDefault, Localhost)", [k8s.label(c), p])
}
