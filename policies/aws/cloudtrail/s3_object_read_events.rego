# METADATA
# title: S3 object-level read events are not logged
# description: >-
#   S3 object-level API calls (GetObject, HeadObject) are data events, which CloudTrail does not
#   log by default; without them nobody can tell who read which object (CIS AWS
#   Foundations 3.0 and 5.0 3.9, 7.0 4.9). The rule asks, as the CIS audit does, for a
#   logging multi-region trail of the account whose basic or advanced event selectors log the
#   read data events of every current and future bucket; selectors limited to some buckets,
#   prefixes, event names or principals do not count. The verdict lands on each trail and says
#   whether the trail's account has such a trail (any of its trails may be it). No verdict when a
#   trail's selectors could not be read.
# custom:
#   id: AWS-CT-021
#   severity: low
#   kinds: [aws.cloudtrail.trail]
#   remediation: >-
#     Add to a multi-region trail an event selector for AWS::S3::Object data events of all
#     buckets (data_resource values ["arn:aws:s3"] with read_write_type ReadOnly or All, or an
#     advanced_event_selector with eventCategory Data, resources.type AWS::S3::Object and readOnly
#     true); data events are billed per event, so a dedicated trail may suit.
#   references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-cloudtrail-logging-for-s3.html]
#   compliance:
#     cis-aws-3.0: ["3.9"]
#     cis-aws-5.0: ["3.9"]
#     cis-aws-7.0: ["4.9"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     pci-dss-4.0: ["10.2.1"]
package vigil.rules.aws.cloudtrail.s3_object_read_events

# logged: a logging, multi-region trail of the account logs the read
# events of every bucket's objects. Trails are read in place, so the
# engine sees which of their attributes decide.
logged if {
	some t in data.inventory.accounts[input.account].kinds["aws.cloudtrail.trail"]
	t.attributes.is_logging
	t.attributes.is_multi_region
	t.attributes.s3_data_events.read
}

deny contains {"msg": msg, "path": "s3_data_events.read"} if {
	not logged
	msg := "no logging multi-region trail of the account logs S3 object-level read events for all buckets"
}

