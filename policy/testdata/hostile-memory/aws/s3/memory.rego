# METADATA
# title: Test rule - collects 10^5 copies of a 10^5-element array, each copy within the per-call limit
# custom:
#   id: TEST-MEM-001
#   severity: low
#   kinds: [aws.s3.bucket]
package test.hostile.memory

deny contains "never" if {
	r := numbers.range(1, 100000)
	copies := [array.concat(r, [i]) | some i in r]
	count(copies) < 0
}
