# METADATA
# title: "SageMaker endpoint configuration starts a production variant on one instance"
# description: "A production variant on a single instance has no redundancy across Availability Zones: one instance failure or zone outage stops inference. Serverless variants are not judged."
# custom:
#   id: AWS-SAGEMAKER-006
#   severity: medium
#   kinds: [aws.sagemaker.endpoint_config]
#   remediation: "Set initial_instance_count to 2 or more on every instance-based production variant."
#   references: [https://docs.aws.amazon.com/sagemaker/latest/dg/best-practice-endpoint-security.html]
#   compliance:
#     aws-fsbp: ["SageMaker.4"]
#     nist-800-53-r5: ["CP-10", "SC-5"]
package vigil.rules.aws.sagemaker.endpoint_config_single_instance

deny contains {"msg": sprintf("SageMaker endpoint configuration %s starts production variant %s on one instance", [object.get(input, "name", input.id), v.name]), "path": sprintf("production_variants[%d].initial_instance_count", [i])} if {
	some i, v in input.attributes.production_variants
	not v.serverless
	v.initial_instance_count == 1
}
