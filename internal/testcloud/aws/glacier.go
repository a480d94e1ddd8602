package aws

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/glacier"
	glaciertypes "github.com/aws/aws-sdk-go-v2/service/glacier/types"
)

// glacierWorld is S3 Glacier in one region: its vaults as ListVaults
// answers them (ARN filled in when absent), each with its access policy
// text and tags.
type glacierWorld struct {
	Vaults []glacierVault `json:"vaults"`
}

type glacierVault struct {
	glaciertypes.DescribeVaultOutput
	Policy string            `json:"policy"`
	Tags   map[string]string `json:"tags"`
}

// ListVaults answers at most limit vaults (1-1000), 10 when absent.
const (
	glacierPageSize = 10
	glacierMaxPage  = 1000
)

func init() {
	register(&service{name: "glacier", signing: "glacier", protocol: protoRESTJSON,
		newWorld: func() any { return &glacierWorld{} },
		routes: []route{
			{method: "GET", pattern: "/{accountId}/vaults", op: "ListVaults"},
			{method: "GET", pattern: "/{accountId}/vaults/{vaultName}/access-policy", op: "GetVaultAccessPolicy"},
			{method: "GET", pattern: "/{accountId}/vaults/{vaultName}/tags", op: "ListTagsForVault"},
		},
		ops: map[string]op{
			"ListVaults": func(c *call) (any, error) {
				size := glacierPageSize
				if s := c.param("limit"); s != "" {
					n, err := strconv.Atoi(s)
					if err != nil || n < 1 || n > glacierMaxPage {
						return nil, badRequest("InvalidParameterValueException", "Invalid limit: %s", s)
					}
					size = n
				}
				var all []glaciertypes.DescribeVaultOutput
				for _, v := range glacierVaults(c) {
					all = append(all, v.DescribeVaultOutput)
				}
				items, next, err := page(all, c.param("marker"), size)
				if err != nil {
					return nil, badRequest("InvalidParameterValueException", "Invalid marker.")
				}
				return &glacier.ListVaultsOutput{VaultList: append([]glaciertypes.DescribeVaultOutput{}, items...), Marker: optional(next)}, nil
			},
			"GetVaultAccessPolicy": func(c *call) (any, error) {
				v, err := glacierVaultNamed(c)
				if err != nil {
					return nil, err
				}
				if v.Policy == "" {
					return nil, notFound("ResourceNotFoundException", "No vault access policy is set for: %s", aws.ToString(v.VaultARN))
				}
				// The output's payload is the VaultAccessPolicy itself.
				body, _ := json.Marshal(map[string]string{"Policy": v.Policy})
				return &rawAnswer{status: http.StatusOK, contentType: "application/json", body: body}, nil
			},
			"ListTagsForVault": func(c *call) (any, error) {
				v, err := glacierVaultNamed(c)
				if err != nil {
					return nil, err
				}
				tags := v.Tags
				if tags == nil {
					tags = map[string]string{}
				}
				return &glacier.ListTagsForVaultOutput{Tags: tags}, nil
			},
		}})
}

func glacierVaults(c *call) []glacierVault {
	out := append([]glacierVault{}, worldOf[glacierWorld](c).Vaults...)
	for i := range out {
		if out[i].VaultARN == nil {
			out[i].VaultARN = aws.String(c.arn("glacier", "vaults/"+aws.ToString(out[i].VaultName)))
		}
	}
	return out
}

func glacierVaultNamed(c *call) (*glacierVault, error) {
	name := c.param("vaultName")
	vs := glacierVaults(c)
	for i := range vs {
		if aws.ToString(vs[i].VaultName) == name {
			return &vs[i], nil
		}
	}
	return nil, notFound("ResourceNotFoundException", "Vault not found for ARN: %s", c.arn("glacier", "vaults/"+name))
}
