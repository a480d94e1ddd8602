# METADATA
# title: Test rule - never ends (10^10 steps, no allocation to speak of)
# custom:
#   id: TEST-LOOP-001
#   severity: low
#   kinds: [aws.s3.bucket]
package test.hostile.loop

deny contains "never" if {
	r := numbers.range(1, 100000)
	some i in r
	some j in r
	i + j < 0
}
