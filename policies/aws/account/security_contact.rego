# METADATA
# title: No security contact registered for the account
# description: AWS sends abuse reports, compromise notices and security advisories for the account to its security alternate contact; without one they reach only the root email address, which is often a shared or unmonitored mailbox.
# custom:
#   id: AWS-ACCOUNT-001
#   severity: medium
#   kinds: [aws.account]
#   remediation: In the console (Account, Alternate contacts) or with `aws account put-alternate-contact --alternate-contact-type SECURITY`, register the security team's monitored mailbox and phone number. In an organization, the management account can set it for every member.
#   references: [https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html]
#   compliance:
#     cis-aws-3.0: ["1.2"]
#     cis-aws-5.0: ["1.2"]
#     cis-aws-7.0: ["2.3"]
#     aws-fsbp: ["Account.1"]
#     nist-800-53-r5: ["IR-6", "IR-7"]
package vigil.rules.aws.account.security_contact

deny contains {"msg": msg, "path": "security_contact_registered"} if {
	input.attributes.security_contact_registered == false
	msg := sprintf("account %s has no security alternate contact: AWS security notices reach only the root email address", [input.account])
}
