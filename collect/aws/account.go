package aws

import (
	"context"

	awsaccount "github.com/aws/aws-sdk-go-v2/service/account"
	accounttypes "github.com/aws/aws-sdk-go-v2/service/account/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("account", true, collectAccount) }

// collectAccount records which alternate contacts (security, billing,
// operations) the account has registered, from the Account API's
// GetAlternateContact, called in the account itself so it works in every
// account, member or not. A contact type never set answers
// ResourceNotFoundException; a failed call leaves its fact null.
func collectAccount(ctx context.Context, s *scope) {
	client := awsaccount.NewFromConfig(s.Config())
	for _, t := range []accounttypes.AlternateContactType{
		accounttypes.AlternateContactTypeSecurity,
		accounttypes.AlternateContactTypeBilling,
		accounttypes.AlternateContactTypeOperations,
	} {
		_, err := client.GetAlternateContact(ctx, &awsaccount.GetAlternateContactInput{AlternateContactType: t})
		if err != nil && !awsCodeIn(err, "ResourceNotFoundException") {
			s.fail("GetAlternateContact", err)
			continue
		}
		registered := boolPtr(err == nil)
		s.accountFact(func(a *model.AWSAccount) {
			switch t {
			case accounttypes.AlternateContactTypeSecurity:
				a.SecurityContact = registered
			case accounttypes.AlternateContactTypeBilling:
				a.BillingContact = registered
			case accounttypes.AlternateContactTypeOperations:
				a.OperationsContact = registered
			}
		})
	}
}
