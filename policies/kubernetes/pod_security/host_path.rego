# METADATA
# title: "Pod mounts a hostPath volume"
# description: "A hostPath volume exposes the node's file system to the pod; paths such as /, /etc, /var/run/docker.sock or the kubelet directories give a path to node takeover."
# custom:
#   id: K8S-007
#   severity: medium
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Replace hostPath volumes with emptyDir, configMap, secret or persistent volumes; if a node agent needs host files, mount the narrowest path read-only."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/, https://kubernetes.io/docs/concepts/storage/volumes/#hostpath]
#   compliance:
#     pss-baseline: ["hostpath-volumes"]
#     cis-kubernetes-1.9: ["5.2.12"]
#     nist-800-53-r5: ["AC-6", "CM-7"]
package vigil.rules.kubernetes.pod_security.host_path

import data.vigil.lib.k8s

deny contains {"msg": msg, "path": sprintf("pod_spec.volumes[%d].host_path", [i])} if {
	some i, v in k8s.volumes
	v.type == "hostPath"
	msg := sprintf("volume %q mounts host path %q", [v.name, object.get(v, "host_path", "")])
}
