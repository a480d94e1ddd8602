package aws

import (
	"net/http"

	"github.com/aws/aws-sdk-go-v2/service/macie2"
	macietypes "github.com/aws/aws-sdk-go-v2/service/macie2/types"
)

// macieWorld is Amazon Macie in one region: the account's session and its
// automated discovery. Without a session Macie is off, and Macie answers
// every call with AccessDeniedException "Macie is not enabled.".
type macieWorld struct {
	Session            *macie2.GetMacieSessionOutput                    `json:"session"`
	AutomatedDiscovery *macie2.GetAutomatedDiscoveryConfigurationOutput `json:"automatedDiscovery"`
}

func init() {
	register(&service{name: "macie2", signing: "macie2", protocol: protoRESTJSON,
		// Macie's timestamps are ISO 8601 strings.
		names:    names{camel: true, isoTimes: true},
		newWorld: func() any { return &macieWorld{} },
		routes: []route{
			{method: "GET", pattern: "/macie", op: "GetMacieSession"},
			{method: "GET", pattern: "/automated-discovery/configuration", op: "GetAutomatedDiscoveryConfiguration"},
		},
		ops: map[string]op{
			"GetMacieSession": func(c *call) (any, error) {
				w := worldOf[macieWorld](c)
				if w.Session == nil {
					return nil, macieNotEnabled()
				}
				return w.Session, nil
			},
			"GetAutomatedDiscoveryConfiguration": func(c *call) (any, error) {
				w := worldOf[macieWorld](c)
				if w.Session == nil {
					return nil, macieNotEnabled()
				}
				if w.AutomatedDiscovery == nil {
					return &macie2.GetAutomatedDiscoveryConfigurationOutput{Status: macietypes.AutomatedDiscoveryStatusDisabled}, nil
				}
				return w.AutomatedDiscovery, nil
			},
		}})
}

func macieNotEnabled() *apiError {
	return &apiError{status: http.StatusForbidden, code: "AccessDeniedException", msg: "Macie is not enabled."}
}
