# METADATA
# title: "EBS snapshot block public access does not block all sharing"
# description: >-
#   Block public access for EBS snapshots is a region-wide guard against making a snapshot public
#   (anyone could copy it and read every byte of the volume). Only block-all-sharing also makes
#   the snapshots already shared publicly private; block-new-sharing stops new public sharing but
#   leaves those public, and unblocked stops nothing. An unread state gives no verdict.
# custom:
#   id: AWS-EC2-028
#   severity: medium
#   kinds: [aws.region]
#   remediation: "Turn on block public access for snapshots with block-all-sharing in every region (aws ec2 enable-snapshot-block-public-access --state block-all-sharing; Terraform aws_ebs_snapshot_block_public_access { state = \"block-all-sharing\" })."
#   references:
#     - https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html
#   compliance:
#     nist-800-53-r5: ["AC-3", "AC-21", "SC-7"]
#     pci-dss-4.0: ["1.4.4"]
package vigil.rules.aws.ec2.snapshot_block_public_access

# null means not known: no finding.
deny contains {"msg": msg, "path": "ebs_snapshot_block_public_access"} if {
	state := input.attributes.ebs_snapshot_block_public_access
	is_string(state)
	state != "block-all-sharing"
	msg := sprintf("EBS snapshot block public access is %s in region %s (block-all-sharing blocks public sharing of every snapshot)", [state, object.get(input, "region", "")])
}
