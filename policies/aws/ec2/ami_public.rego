# METADATA
# title: "AMI is public"
# description: "An AMI whose launch permission names the group all can be launched by any AWS account, exposing its software, configuration and any credentials or data baked into it."
# custom:
#   id: AWS-EC2-022
#   severity: high
#   kinds: [aws.ec2.image]
#   remediation: "Remove the public launch permission (aws ec2 modify-image-attribute --launch-permission \"Remove=[{Group=all}]\"; in Terraform drop the aws_ami_launch_permission with group = \"all\"), share with named accounts or the organization, and turn on AMI block public access."
#   references: [https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-intro.html]
#   compliance:
#     nist-800-53-r5: ["AC-3", "AC-21"]
package vigil.rules.aws.ec2.ami_public

deny contains {"msg": sprintf("AMI %s can be launched by every AWS account", [object.get(input, "name", input.id)]), "path": "public"} if {
	input.attributes.public == true
}
