package aws

import (
	"context"
	"errors"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/macie2"
	macietypes "github.com/aws/aws-sdk-go-v2/service/macie2/types"
	"github.com/aws/smithy-go"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("macie2", false, collectMacie) }

// collectMacie reads the account's Macie session in the region
// (GetMacieSession) and, when there is one, its automated sensitive data
// discovery (GetAutomatedDiscoveryConfiguration), into one
// aws.macie2.session.
func collectMacie(ctx context.Context, s *scope) {
	client := macie2.NewFromConfig(s.Config())
	a := &model.MacieSession{}
	raw := map[string]any{}
	session := false
	rd := s.reads("arn:" + svcPartition(s.region) + ":macie2:" + s.region + ":" + s.account + ":session")
	sessionRead := rd.call("GetMacieSession", []string{"enabled", "status"}, func() error {
		out, err := client.GetMacieSession(ctx, &macie2.GetMacieSessionInput{})
		if macieOff(err) {
			return nil
		}
		if err != nil {
			return err
		}
		raw["Session"] = out
		session = true
		a.Status = string(out.Status)
		a.Enabled = out.Status == macietypes.MacieStatusEnabled
		return nil
	})
	if !sessionRead {
		// The session is what the resource is: unread, there is none (the
		// failure names it, so its old findings are not resolved).
		return
	}
	if session {
		rd.call("GetAutomatedDiscoveryConfiguration", []string{"automated_discovery"}, func() error {
			out, err := client.GetAutomatedDiscoveryConfiguration(ctx, &macie2.GetAutomatedDiscoveryConfigurationInput{})
			if err != nil {
				return err
			}
			raw["AutomatedDiscovery"] = out
			a.AutomatedDiscovery = out.Status == macietypes.AutomatedDiscoveryStatusEnabled
			return nil
		})
	}
	rd.add(model.KindMacieSession.With(a), "Amazon Macie ("+s.region+")", raw, nil)
}

// macieOff reports whether err is Macie's answer for an account and
// region where it is not on: AccessDeniedException with the message
// "Macie is not enabled." (an IAM denial says "not authorized"), or a
// missing session (moto's answer).
func macieOff(err error) bool {
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		return false
	}
	switch ae.ErrorCode() {
	case "AccessDeniedException":
		return strings.Contains(ae.ErrorMessage(), "Macie is not enabled")
	case "ResourceNotFoundException":
		return true
	}
	return false
}
