# METADATA
# title: "Amazon Inspector does not scan Lambda in the region"
# description: "Without Lambda standard scanning, the packages a function bundles are not checked for known vulnerabilities."
# custom:
#   id: AWS-INSPECTOR-003
#   severity: medium
#   kinds: [aws.inspector2.account_status]
#   remediation: "Activate Amazon Inspector Lambda scanning in every region (aws_inspector2_enabler resource_types including \"LAMBDA\"), ideally for the whole organization through its delegated administrator."
#   references: [https://docs.aws.amazon.com/inspector/latest/user/getting_started_tutorial.html]
#   compliance:
#     aws-fsbp: ["Inspector.4"]
#     nist-800-53-r5: ["RA-5", "SI-2"]
#     pci-dss-4.0: ["6.3.3", "11.3.1"]
package vigil.rules.aws.inspector2.lambda_scanning_disabled

deny contains {"msg": sprintf("Amazon Inspector Lambda scanning is not enabled in region %s", [input.region]), "path": "lambda_scanning"} if {
	not input.attributes.lambda_scanning
}
