# METADATA
# title: "EKS control plane logging is incomplete"
# description: "Without api, audit and authenticator logs there is no record of who did what against the Kubernetes API."
# custom:
#   id: AWS-EKS-003
#   severity: medium
#   kinds: [aws.eks.cluster]
#   remediation: "Set enabled_cluster_log_types to include at least api, audit and authenticator (ideally also controllerManager and scheduler)."
#   references: [https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html]
#   compliance:
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
package vigil.rules.aws.eks.control_plane_logging_incomplete

required := {"api", "audit", "authenticator"}

deny contains {"msg": sprintf("EKS cluster %s does not send control plane logs of type %s", [object.get(input, "name", input.id), concat(", ", sort(missing))]), "path": "enabled_log_types"} if {
	enabled := {t | some t in input.attributes.enabled_log_types}
	missing := required - enabled
	count(missing) > 0
}
