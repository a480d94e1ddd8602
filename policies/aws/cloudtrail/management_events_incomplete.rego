# METADATA
# title: No multi-region trail logs every management event
# description: >-
#   CIS AWS Foundations asks for a logging multi-region trail that records all management
#   events, read and write ("API activity: All"; 3.0 and 5.0 3.1, 7.0 4.1). A trail whose
#   selectors log only writes, exclude event sources (KMS, RDS Data API), or narrow management
#   events by event name or principal leaves calls unrecorded. The verdict lands on each trail
#   and says whether the trail's account has such a trail (any of its trails may be it). No
#   verdict when a trail's selectors could not be read.
# custom:
#   id: AWS-CT-022
#   severity: medium
#   kinds: [aws.cloudtrail.trail]
#   remediation: >-
#     On a multi-region trail, log management events with read_write_type All and no
#     exclude_management_event_sources (event_selector), or an advanced_event_selector with only
#     eventCategory Management.
#   references: [https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html]
#   compliance:
#     cis-aws-3.0: ["3.1"]
#     cis-aws-5.0: ["3.1"]
#     cis-aws-7.0: ["4.1"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     pci-dss-4.0: ["10.2.1"]
package vigil.rules.aws.cloudtrail.management_events_incomplete

# logged: a logging, multi-region trail of the account logs every read
# and write management event. Trails are read in place, so the engine
# sees which of their attributes decide.
logged if {
	some t in data.inventory.accounts[input.account].kinds["aws.cloudtrail.trail"]
	t.attributes.is_logging
	t.attributes.is_multi_region
	t.attributes.management_events.read
	t.attributes.management_events.write
}

deny contains {"msg": "no logging multi-region trail of the account logs every management event, read and write", "path": "management_events"} if {
	not logged
}
