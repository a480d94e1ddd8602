# METADATA
# title: "Pod uses a volume type the restricted profile does not allow"
# description: "The restricted Pod Security Standard allows only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes: other types (hostPath, nfs, iscsi, gitRepo, in-tree cloud disks ...) reach node or network storage directly, outside what PersistentVolumes and their access rules control."
# custom:
#   id: K8S-041
#   severity: medium
#   kinds: [kubernetes.pod, kubernetes.deployment, kubernetes.statefulset, kubernetes.daemonset, kubernetes.replicaset, kubernetes.job, kubernetes.cronjob, kubernetes.replicationcontroller]
#   remediation: "Replace the volume with a persistentVolumeClaim (storage managed through PersistentVolumes) or one of configMap, csi, downwardAPI, emptyDir, ephemeral, projected, secret."
#   references: [https://kubernetes.io/docs/concepts/security/pod-security-standards/, https://kubernetes.io/docs/concepts/storage/volumes/]
#   compliance:
#     pss-restricted: ["volume-types"]
#     nist-800-53-r5: ["AC-6", "CM-7"]
package vigil.rules.kubernetes.pod_security.volume_types

import data.vigil.lib.k8s

# A volume with no source is an emptyDir (the API server's default).
allowed := {"", "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"}

deny contains {"msg": msg, "path": sprintf("pod_spec.volumes[%d].type", [i])} if {
	some i, v in k8s.volumes
	t := object.get(v, "type", "")
	not t in allowed
	msg := sprintf("volume %q is of type %s, not allowed by the restricted profile", [object.get(v, "name", ""), t])
}
