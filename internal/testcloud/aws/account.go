package aws

import (
	"github.com/aws/aws-sdk-go-v2/service/account"
	accounttypes "github.com/aws/aws-sdk-go-v2/service/account/types"
)

// accountWorld is the Account API's view of one account: its alternate
// contacts by type (SECURITY, BILLING, OPERATIONS); a type absent was
// never set.
type accountWorld struct {
	AlternateContacts []accounttypes.AlternateContact `json:"alternate_contacts"`
}

func init() {
	register(&service{name: "account", signing: "account", protocol: protoRESTJSON, global: true,
		newWorld: func() any { return &accountWorld{} },
		routes: []route{
			{method: "POST", pattern: "/getAlternateContact", op: "GetAlternateContact"},
		},
		ops: map[string]op{
			"GetAlternateContact": func(c *call) (any, error) {
				var in struct {
					AccountId            *string
					AlternateContactType accounttypes.AlternateContactType
				}
				if err := c.input(&in); err != nil {
					return nil, err
				}
				if in.AccountId != nil && *in.AccountId != c.account.ID {
					return nil, &apiError{status: 403, code: "AccessDeniedException", msg: "Only the management account or a delegated administrator can read another account's contacts."}
				}
				for _, ac := range worldOf[accountWorld](c).AlternateContacts {
					if ac.AlternateContactType == in.AlternateContactType {
						return &account.GetAlternateContactOutput{AlternateContact: &ac}, nil
					}
				}
				return nil, notFound("ResourceNotFoundException", "No contact of the requested type was found.")
			},
		}})
}
