package aws

import (
	"net/http"

	s3ctypes "github.com/aws/aws-sdk-go-v2/service/s3control/types"
)

// s3controlWorld is the account's S3 settings.
type s3controlWorld struct {
	// PublicAccessBlock is the account-level block; nil is none configured.
	PublicAccessBlock *s3ctypes.PublicAccessBlockConfiguration `json:"public_access_block"`
}

func init() {
	// S3 Control signs as "s3": requests tell themselves apart from S3's
	// by their /v20180820 paths.
	register(&service{name: "s3control", signing: "s3", protocol: protoRESTXML, global: true,
		xmlns:    "http://awss3control.amazonaws.com/doc/2018-08-20/",
		newWorld: func() any { return &s3controlWorld{} },
		routes: []route{
			{method: http.MethodGet, pattern: "/v20180820/configuration/publicAccessBlock", op: "GetPublicAccessBlock"},
		},
		ops: map[string]op{
			"GetPublicAccessBlock": func(c *call) (any, error) {
				if id := c.header.Get("x-amz-account-id"); id != c.account.ID {
					return nil, &apiError{status: http.StatusForbidden, code: "AccessDenied", msg: "Access Denied"}
				}
				pab := worldOf[s3controlWorld](c).PublicAccessBlock
				if pab == nil {
					return nil, notFound("NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found")
				}
				return &xmlDoc{"PublicAccessBlockConfiguration", pab}, nil
			},
		}})
}
