package aws

import (
	"github.com/aws/aws-sdk-go-v2/service/glue"
	gluetypes "github.com/aws/aws-sdk-go-v2/service/glue/types"
)

// glueWorld is Glue in one region: the Data Catalog's encryption settings
// (none: unencrypted), security configurations and jobs.
type glueWorld struct {
	DataCatalog            *gluetypes.DataCatalogEncryptionSettings `json:"data_catalog"`
	SecurityConfigurations []gluetypes.SecurityConfiguration        `json:"security_configurations"`
	Jobs                   []gluetypes.Job                          `json:"jobs"`
}

// GetJobs and GetSecurityConfigurations page by MaxResults, 1-1000.
const (
	gluePageSize    = 100
	glueMaxPageSize = 1000
)

func init() {
	register(&service{name: "glue", signing: "glue", protocol: protoJSON11,
		newWorld: func() any { return &glueWorld{} },
		ops: map[string]op{
			"GetDataCatalogEncryptionSettings": func(c *call) (any, error) {
				st := worldOf[glueWorld](c).DataCatalog
				if st == nil {
					st = &gluetypes.DataCatalogEncryptionSettings{
						EncryptionAtRest:             &gluetypes.EncryptionAtRest{CatalogEncryptionMode: gluetypes.CatalogEncryptionModeDisabled},
						ConnectionPasswordEncryption: &gluetypes.ConnectionPasswordEncryption{ReturnConnectionPasswordEncrypted: false},
					}
				}
				return &glue.GetDataCatalogEncryptionSettingsOutput{DataCatalogEncryptionSettings: st}, nil
			},
			"GetSecurityConfigurations": func(c *call) (any, error) {
				size := c.intParam("MaxResults", gluePageSize)
				if size > glueMaxPageSize {
					return nil, badRequest("InvalidInputException", "MaxResults must be between 1 and %d", glueMaxPageSize)
				}
				items, next, err := page(worldOf[glueWorld](c).SecurityConfigurations, c.param("NextToken"), size)
				if err != nil {
					return nil, badRequest("InvalidInputException", "Invalid NextToken")
				}
				return &glue.GetSecurityConfigurationsOutput{SecurityConfigurations: append([]gluetypes.SecurityConfiguration{}, items...), NextToken: optional(next)}, nil
			},
			"GetJobs": func(c *call) (any, error) {
				size := c.intParam("MaxResults", gluePageSize)
				if size > glueMaxPageSize {
					return nil, badRequest("InvalidInputException", "MaxResults must be between 1 and %d", glueMaxPageSize)
				}
				items, next, err := page(worldOf[glueWorld](c).Jobs, c.param("NextToken"), size)
				if err != nil {
					return nil, badRequest("InvalidInputException", "Invalid NextToken")
				}
				return &glue.GetJobsOutput{Jobs: append([]gluetypes.Job{}, items...), NextToken: optional(next)}, nil
			},
		}})
}
