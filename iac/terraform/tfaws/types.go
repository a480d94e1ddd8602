package tfaws

// Kind returns the normalized kind a Terraform type maps to. joined is
// true for a type folded into its parent's resource (an
// aws_s3_bucket_policy into its bucket); ok is false for a type with no
// mapping, so callers can count what they could not map instead of
// dropping it silently. A type mapped to nothing (an attachment read
// through its parent) has ok true and kind "".
func Kind(tfType string) (kind string, joined, ok bool) {
	if p, found := parents[tfType]; found {
		return p.kind, false, true
	}
	if _, found := children[tfType]; found {
		return "", true, true
	}
	return "", false, false
}
