# METADATA
# title: SSM managed instance is missing patches
# description: >-
#   Systems Manager Patch Manager reports the instance NON_COMPLIANT with its patch baseline:
#   approved security updates are missing, and known vulnerabilities stay open.
# custom:
#   id: AWS-SSM-001
#   severity: high
#   kinds: [aws.ssm.managed_instance]
#   remediation: Install the missing patches (an AWS-RunPatchBaseline Install operation, or a maintenance window or Quick Setup patch policy that runs it on a schedule).
#   references: [https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-manager.html]
#   compliance:
#     nist-800-53-r5: ["SI-2", "RA-5"]
#     pci-dss-4.0: ["6.3.3"]
package vigil.rules.aws.ssm.patch_compliance

deny contains {"msg": msg, "path": "patch_compliant"} if {
	input.attributes.patch_compliant == false
	msg := sprintf("managed instance %s is not compliant with its patch baseline", [input.attributes.instance_id])
}
