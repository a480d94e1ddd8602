# METADATA
# title: "Amazon Inspector does not scan ECR in the region"
# description: "Without ECR scanning, container images with known vulnerabilities are pushed and deployed with nothing to say so."
# custom:
#   id: AWS-INSPECTOR-002
#   severity: high
#   kinds: [aws.inspector2.account_status]
#   remediation: "Activate Amazon Inspector ECR scanning in every region (aws_inspector2_enabler resource_types including \"ECR\"), ideally for the whole organization through its delegated administrator."
#   references: [https://docs.aws.amazon.com/inspector/latest/user/getting_started_tutorial.html]
#   compliance:
#     aws-fsbp: ["Inspector.2"]
#     nist-800-53-r5: ["RA-5", "SI-2"]
#     pci-dss-4.0: ["6.3.3", "11.3.1"]
package vigil.rules.aws.inspector2.ecr_scanning_disabled

deny contains {"msg": sprintf("Amazon Inspector ECR scanning is not enabled in region %s", [input.region]), "path": "ecr_scanning"} if {
	not input.attributes.ecr_scanning
}
