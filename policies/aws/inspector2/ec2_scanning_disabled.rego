# METADATA
# title: "Amazon Inspector does not scan EC2 in the region"
# description: "Without EC2 scanning, known vulnerabilities in the instances' operating system and packages, and their unintended network exposure, are not found until someone looks by hand."
# custom:
#   id: AWS-INSPECTOR-001
#   severity: high
#   kinds: [aws.inspector2.account_status]
#   remediation: "Activate Amazon Inspector EC2 scanning in every region (aws_inspector2_enabler resource_types including \"EC2\"), ideally for the whole organization through its delegated administrator."
#   references: [https://docs.aws.amazon.com/inspector/latest/user/getting_started_tutorial.html]
#   compliance:
#     aws-fsbp: ["Inspector.1"]
#     nist-800-53-r5: ["RA-5", "SI-2"]
#     pci-dss-4.0: ["6.3.3", "11.3.1"]
package vigil.rules.aws.inspector2.ec2_scanning_disabled

deny contains {"msg": sprintf("Amazon Inspector EC2 scanning is not enabled in region %s", [input.region]), "path": "ec2_scanning"} if {
	not input.attributes.ec2_scanning
}
