# METADATA
# title: "ECR image tags are mutable"
# description: "With mutable tags a pushed image can silently replace the one a tag pointed to, so deployments by tag are not reproducible and can be poisoned."
# custom:
#   id: AWS-ECR-002
#   severity: low
#   kinds: [aws.ecr.repository]
#   remediation: "Set image_tag_mutability = \"IMMUTABLE\"."
#   references: [https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html]
#   compliance:
#     nist-800-53-r5: ["SI-7"]
package vigil.rules.aws.ecr.mutable_tags

deny contains {"msg": sprintf("ECR repository %s allows tags to be overwritten (%s)", [object.get(input, "name", input.id), input.attributes.image_tag_mutability]), "path": "image_tag_mutability"} if {
	# MUTABLE, or MUTABLE_WITH_EXCLUSION (only some tags immutable).
	startswith(input.attributes.image_tag_mutability, "MUTABLE")
}
