# METADATA
# title: "SageMaker model does not have network isolation enabled"
# description: "Without network isolation the model's inference containers can make outbound calls: a compromised or malicious container can send data out or fetch code."
# custom:
#   id: AWS-SAGEMAKER-007
#   severity: medium
#   kinds: [aws.sagemaker.model]
#   remediation: "Recreate the model with enable_network_isolation = true (the containers then get their artifacts from SageMaker only)."
#   references: [https://docs.aws.amazon.com/sagemaker/latest/dg/mkt-algo-model-internet-free.html]
#   compliance:
#     aws-fsbp: ["SageMaker.5"]
#     nist-800-53-r5: ["AC-4", "SC-7"]
package vigil.rules.aws.sagemaker.model_network_isolation

deny contains {"msg": sprintf("SageMaker model %s does not have network isolation enabled", [object.get(input, "name", input.id)]), "path": "network_isolation"} if {
	not input.attributes.network_isolation
}
