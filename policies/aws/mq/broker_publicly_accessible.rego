# METADATA
# title: "Amazon MQ broker is publicly accessible"
# description: "A public broker has an internet-reachable endpoint; only broker users and passwords stand between the queues and the internet."
# custom:
#   id: AWS-MQ-001
#   severity: high
#   kinds: [aws.mq.broker]
#   remediation: "Recreate the broker with publicly_accessible = false in private subnets (it cannot be changed in place)."
#   references: [https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/using-amazon-mq-securely.html]
#   compliance:
#     nist-800-53-r5: ["AC-3", "SC-7"]
#     pci-dss-4.0: ["1.4.1"]
package vigil.rules.aws.mq.broker_publicly_accessible

deny contains {"msg": sprintf("Amazon MQ broker %s is publicly accessible", [object.get(input, "name", input.id)]), "path": "publicly_accessible"} if {
	input.attributes.publicly_accessible
}
