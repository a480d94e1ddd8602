# METADATA
# title: ACM certificate has expired or expires within 30 days
# description: >-
#   A certificate past its end date breaks TLS for every endpoint that serves it, and one close
#   to it will, unless it renews. ACM renews the certificates it issued and can validate; an
#   imported certificate, or one whose DNS validation record was removed, lapses silently.
# custom:
#   id: AWS-ACM-001
#   severity: medium
#   kinds: [aws.acm.certificate]
#   remediation: >-
#     Renew or re-import the certificate before its end date (for an ACM-issued one, restore its
#     DNS validation record so managed renewal succeeds); delete certificates no longer used.
#   references: [https://docs.aws.amazon.com/acm/latest/userguide/managed-renewal.html]
#   compliance:
#     nist-800-53-r5: ["SC-12"]
#     pci-dss-4.0: ["4.2.1"]
package vigil.rules.aws.acm.certificate_expiry

# window is how close to its end date a certificate is reported: ACM starts
# managed renewal 60 days before and stops trying 30 days before the end.
window := ((30 * 24) * 60) * 60 * 1000000000

deny contains {"msg": msg, "path": "not_after"} if {
	input.attributes.not_after != ""
	end := time.parse_rfc3339_ns(input.attributes.not_after)
	left := end - time.now_ns()
	left < window
	msg := sprintf("certificate for %s %s (%s)", [input.attributes.domain, state(left), in_use_text(input.attributes.in_use)])
}

state(left) := "has expired" if left <= 0

state(left) := sprintf("expires in %d days", [floor(left / (((24 * 60) * 60) * 1000000000))]) if left > 0

in_use_text(true) := "in use"

in_use_text(false) := "not associated with any resource"
