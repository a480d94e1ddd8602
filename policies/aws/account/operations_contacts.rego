# METADATA
# title: No billing or operations contact registered for the account
# description: Operational notices (scheduled maintenance, service events) and billing alerts (unexpected charges, often the first sign of a compromised account mining cryptocurrency) go to the billing and operations alternate contacts; without them they reach only the root email address.
# custom:
#   id: AWS-ACCOUNT-002
#   severity: low
#   kinds: [aws.account]
#   remediation: Register monitored billing and operations contacts in Account, Alternate contacts, or with `aws account put-alternate-contact --alternate-contact-type BILLING` (and OPERATIONS).
#   references: [https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html]
#   compliance:
#     nist-800-53-r5: ["IR-6"]
package vigil.rules.aws.account.operations_contacts

deny contains {"msg": msg, "path": "billing_contact_registered"} if {
	input.attributes.billing_contact_registered == false
	msg := sprintf("account %s has no billing alternate contact", [input.account])
}

deny contains {"msg": msg, "path": "operations_contact_registered"} if {
	input.attributes.operations_contact_registered == false
	msg := sprintf("account %s has no operations alternate contact", [input.account])
}
