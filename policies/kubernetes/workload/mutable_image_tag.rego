# METADATA
# title: "Container image uses :latest or no tag"
# description: "A :latest or untagged image changes under the same name: what runs is not what was reviewed, rollbacks are unreliable and a poisoned push is deployed silently."
# custom:
#   id: K8S-015
#   severity: medium
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Reference images by an immutable version tag, better by digest (`image: repo/app@sha256:...`)."
#   references: [https://kubernetes.io/docs/concepts/containers/images/#image-names]
#   compliance:
#     nist-800-53-r5: ["CM-2", "SI-7"]
package vigil.rules.kubernetes.workload.mutable_image_tag

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": k8s.field_path(i, "image")} if {
	some i, c in k8s.containers
	image := object.get(c, "image", "")
	image != ""
	k8s.mutable_tag(image)
	msg := sprintf("%s uses image %q, which is not pinned to a version or digest", [k8s.label(c), image])
}
