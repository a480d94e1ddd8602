# METADATA
# title: "AMI block public access is off"
# description: >-
#   Block public access for AMIs is a region-wide guard that refuses any request to make an AMI
#   public (a public AMI hands its snapshots, and whatever secrets were baked into them, to every
#   AWS account). With the state unblocked, one console click or API call publishes an image. It
#   does not revoke images that are already public (judged by their own rule). An unread state
#   gives no verdict.
# custom:
#   id: AWS-EC2-029
#   severity: medium
#   kinds: [aws.region]
#   remediation: "Turn on block public access for AMIs in every region (aws ec2 enable-image-block-public-access --image-block-public-access-state block-new-sharing; Terraform aws_ec2_image_block_public_access { state = \"block-new-sharing\" })."
#   references:
#     - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/block-public-access-to-amis.html
#   compliance:
#     nist-800-53-r5: ["AC-3", "AC-21", "SC-7"]
package vigil.rules.aws.ec2.ami_block_public_access

deny contains {"msg": msg, "path": "ami_block_public_access"} if {
	input.attributes.ami_block_public_access == "unblocked"
	msg := sprintf("AMI block public access is off (unblocked) in region %s", [object.get(input, "region", "")])
}
