# METADATA
# title: "ECR repository has no lifecycle policy"
# description: "Without a lifecycle policy, every image ever pushed stays in the repository: old images with known vulnerabilities remain pullable by anyone allowed to pull, untagged layers pile up, and storage costs grow without bound."
# custom:
#   id: AWS-ECR-021
#   severity: low
#   kinds: [aws.ecr.repository]
#   remediation: "Add a lifecycle policy (aws_ecr_lifecycle_policy; CloudFormation: LifecyclePolicy.LifecyclePolicyText) that expires untagged images after some days and keeps only the last N tagged images."
#   references: [https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html, https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-3]
#   compliance:
#     aws-fsbp: ["ECR.3"]
#     nist-800-53-r5: ["CM-2", "SI-12"]
package vigil.rules.aws.ecr.no_lifecycle_policy

deny contains {"msg": sprintf("ECR repository %s has no lifecycle policy", [object.get(input, "name", input.id)]), "path": "lifecycle_policy"} if {
	input.attributes.lifecycle_policy == false
}
