# METADATA
# title: "Amazon Inspector does not scan Lambda code in the region"
# description: "Without Lambda code scanning, the functions' own code is not checked for injection flaws, leaked credentials and unsafe cryptography."
# custom:
#   id: AWS-INSPECTOR-004
#   severity: low
#   kinds: [aws.inspector2.account_status]
#   remediation: "Activate Amazon Inspector Lambda code scanning in every region (aws_inspector2_enabler resource_types including \"LAMBDA_CODE\"), ideally for the whole organization through its delegated administrator."
#   references: [https://docs.aws.amazon.com/inspector/latest/user/getting_started_tutorial.html]
#   compliance:
#     aws-fsbp: ["Inspector.3"]
#     nist-800-53-r5: ["RA-5", "SI-2"]
#     pci-dss-4.0: ["6.3.3", "11.3.1"]
package vigil.rules.aws.inspector2.lambda_code_scanning_disabled

deny contains {"msg": sprintf("Amazon Inspector Lambda code scanning is not enabled in region %s", [input.region]), "path": "lambda_code_scanning"} if {
	not input.attributes.lambda_code_scanning
}
