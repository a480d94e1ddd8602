# METADATA
# title: Test rule - asks one built-in for 10^10 numbers
# custom:
#   id: TEST-RANGE-001
#   severity: low
#   kinds: [aws.s3.bucket]
package test.hostile.range

deny contains "never" if {
	count(numbers.range(1, 1e10)) < 0
}
