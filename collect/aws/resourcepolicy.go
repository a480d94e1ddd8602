package aws

import (
	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/vigil-sec/vigil/model"
)

// keepPolicy keeps a resource policy's text in raw under key and parses it
// into dst. An empty text is no policy: dst stays nil. A policy that does
// not parse is the read's error, so the call leaves it unknown.
func keepPolicy(raw map[string]any, key string, text *string, dst **model.PolicyDocument) error {
	t := aws.ToString(text)
	if t == "" {
		return nil
	}
	raw[key] = t
	var err error
	*dst, err = model.ParsePolicyDocument(t)
	return err
}
