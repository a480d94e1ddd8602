# METADATA
# title: "Directory has no SNS topic for status notifications"
# description: "Directory Service reports a directory's status changes (Active, Impaired, Inoperable) through an SNS topic registered for it; without one, a directory that stops serving sign-ins is noticed only when users complain."
# custom:
#   id: AWS-DS-002
#   severity: low
#   kinds: [aws.ds.directory]
#   remediation: "Register an SNS topic for the directory's status messages (aws ds register-event-topic) and subscribe the team that runs it."
#   references: [https://docs.aws.amazon.com/directoryservice/latest/admin-guide/ms_ad_enable_notifications.html]
#   compliance:
#     nist-800-53-r5: ["SI-4", "IR-6"]
package vigil.rules.aws.ds.event_topic_missing

deny contains {"msg": sprintf("directory %s has no SNS topic registered for its status notifications", [object.get(input, "name", input.id)]), "path": "sns_event_topics"} if {
	not input.attributes.sns_event_topics
}
