# METADATA
# title: "ECS cluster does not use Container Insights"
# description: "Without Container Insights a cluster sends no task- and container-level metrics or performance logs to CloudWatch, leaving resource exhaustion and anomalous activity unobserved."
# custom:
#   id: AWS-ECS-008
#   severity: low
#   kinds: [aws.ecs.cluster]
#   remediation: "Set the cluster setting containerInsights to enabled (or enhanced): setting { name = \"containerInsights\" value = \"enabled\" } in Terraform, ClusterSettings in CloudFormation."
#   references: [https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cloudwatch-container-insights.html, https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html]
#   compliance:
#     aws-fsbp: ["ECS.12"]
#     nist-800-53-r5: ["AU-12", "SI-4"]
package vigil.rules.aws.ecs.container_insights

deny contains {"msg": sprintf("ECS cluster %s does not use Container Insights (%s)", [object.get(input, "name", input.id), input.attributes.container_insights]), "path": "container_insights"} if {
	not input.attributes.container_insights in {"enabled", "enhanced"}
}
