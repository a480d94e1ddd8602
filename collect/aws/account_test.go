package aws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsaccount "github.com/aws/aws-sdk-go-v2/service/account"
	accounttypes "github.com/aws/aws-sdk-go-v2/service/account/types"

	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// An account with a security contact and no billing or operations
// contact: AWS-ACCOUNT-001 passes and AWS-ACCOUNT-002 fails.
func TestAccountContactsAgainstMoto(t *testing.T) {
	srv := moto.Start(t)
	client := awsaccount.NewFromConfig(srv.Config(t, "us-east-1"))
	seeded(t)(client.PutAlternateContact(context.Background(), &awsaccount.PutAlternateContactInput{
		AlternateContactType: accounttypes.AlternateContactTypeSecurity, Name: aws.String("Security"),
		Title: aws.String("CISO"), EmailAddress: aws.String("security@example.com"), PhoneNumber: aws.String("+15550100")}))
	res := collectMoto(t, srv, []string{"account"})
	noErrors(t, res)

	accounts := byKind(res, model.KindAWSAccount.Name())
	if len(accounts) != 1 {
		t.Fatalf("accounts: %v", accounts)
	}
	for _, r := range accounts {
		a := r.Attributes.(*model.AWSAccount)
		if a.SecurityContact == nil || !*a.SecurityContact || a.BillingContact == nil || *a.BillingContact ||
			a.OperationsContact == nil || *a.OperationsContact {
			t.Errorf("contacts: security %v, billing %v, operations %v", a.SecurityContact, a.BillingContact, a.OperationsContact)
		}
		fails := failing(t, res.Resources)[r.Name]
		if fails["AWS-ACCOUNT-001"] || !fails["AWS-ACCOUNT-002"] {
			t.Errorf("failing rules: %v", fails)
		}
	}
}
