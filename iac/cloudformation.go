package iac

import (
	"context"

	"github.com/vigil-sec/vigil/iac/cloudformation"
)

// cloudformationAdapter reads CloudFormation templates (JSON or YAML), a
// file at a time.
type cloudformationAdapter struct{}

func (cloudformationAdapter) Name() string { return "cloudformation" }

func (cloudformationAdapter) Match(_ string, head []byte) bool {
	return head != nil && cloudformation.Detect(head)
}

func (cloudformationAdapter) Parse(_ context.Context, files *Files) Parsed {
	var out Parsed
	files.Each(func(rel string, data []byte) {
		rs, unmapped, errs := cloudformation.ParseWithUnmapped(rel, data, files.Options.CFNParams)
		out.Resources = append(out.Resources, rs...)
		out.Unjudged = append(out.Unjudged, unmapped...)
		out.Errors = append(out.Errors, errs...)
	})
	return out
}
