# METADATA
# title: SNS topic delivers messages over plain HTTP
# description: >-
#   A subscription with protocol http sends every message the topic publishes, unencrypted, to its
#   endpoint: anyone on the network path can read it or change it, whatever encryption protects the
#   topic at rest. HTTPS endpoints receive the same messages over TLS.
# custom:
#   id: AWS-SNS-020
#   severity: medium
#   kinds: [aws.sns.topic]
#   remediation: Replace each http subscription with an https one to the same service (aws_sns_topic_subscription protocol = "https"; AWS::SNS::Subscription Protocol https) and remove the http subscription.
#   references: [https://docs.aws.amazon.com/sns/latest/dg/sns-http-https-endpoint-as-subscriber.html, https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html]
#   compliance:
#     nist-800-53-r5: ["SC-8", "SC-8(1)"]
package vigil.rules.aws.sns.http_subscription

deny contains {"msg": msg, "path": "subscription_protocols"} if {
	"http" in input.attributes.subscription_protocols
	msg := sprintf("topic %s delivers to an HTTP (not HTTPS) endpoint", [input.attributes.name])
}
