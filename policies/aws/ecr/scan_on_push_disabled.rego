# METADATA
# title: "ECR image scanning on push is disabled"
# description: "Images pushed without a vulnerability scan can ship known-vulnerable packages unnoticed."
# custom:
#   id: AWS-ECR-001
#   severity: medium
#   kinds: [aws.ecr.repository]
#   remediation: "Set image_scanning_configuration { scan_on_push = true }, or enable enhanced scanning for the registry."
#   references: [https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html]
#   compliance:
#     pci-dss-4.0: ["6.3.1"]
#     nist-800-53-r5: ["RA-5"]
package vigil.rules.aws.ecr.scan_on_push_disabled

deny contains {"msg": sprintf("ECR repository %s does not scan images on push", [object.get(input, "name", input.id)]), "path": "scan_on_push"} if {
	not input.attributes.scan_on_push
}
