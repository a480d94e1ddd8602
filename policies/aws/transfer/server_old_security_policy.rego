# METADATA
# title: "Transfer Family server uses a security policy from before 2022"
# description: "The server security policies published before 2022 (TransferSecurityPolicy-2018-11, -2020-06 and their FIPS and Restricted variants) still offer SHA-1 key exchanges and MACs and CBC ciphers. TransferSecurityPolicy-2018-11 is what CloudFormation and the Terraform provider assign when none is named; the API and console default is TransferSecurityPolicy-2024-01."
# custom:
#   id: AWS-TRANSFER-004
#   severity: medium
#   kinds: [aws.transfer.server]
#   remediation: "Set security_policy_name to TransferSecurityPolicy-2024-01 (or its FIPS variant) after checking that clients support it."
#   references: [https://docs.aws.amazon.com/transfer/latest/userguide/security-policies.html]
#   compliance:
#     nist-800-53-r5: ["SC-8", "SC-13"]
#     pci-dss-4.0: ["4.2.1"]
package vigil.rules.aws.transfer.server_old_security_policy

first_current_year := 2022

deny contains {"msg": sprintf("Transfer Family server %s uses %s, published before 2022", [object.get(input, "name", input.id), input.attributes.security_policy_name]), "path": "security_policy_name"} if {
	m := regex.find_all_string_submatch_n(`-(\d{4})-\d{2}$`, input.attributes.security_policy_name, 1)
	to_number(m[0][1]) < first_current_year
}
