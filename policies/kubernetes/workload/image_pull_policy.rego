# METADATA
# title: "Mutable image tag without imagePullPolicy Always"
# description: "With a :latest or untagged image and a pull policy other than Always, nodes keep running whichever old copy they cached, so replicas differ from each other and from the registry."
# custom:
#   id: K8S-016
#   severity: low
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Pin the image to a version or digest; otherwise set `imagePullPolicy: Always`."
#   references: [https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy]
#   compliance:
#     nist-800-53-r5: ["CM-2"]
package vigil.rules.kubernetes.workload.image_pull_policy

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": k8s.field_path(i, "image_pull_policy")} if {
	some i, c in k8s.containers
	image := object.get(c, "image", "")
	image != ""
	k8s.mutable_tag(image)
	policy := object.get(c, "image_pull_policy", "")
	policy != "Always"
	msg := sprintf("%s uses mutable image %q with imagePullPolicy %q", [k8s.label(c), image, policy])
}
