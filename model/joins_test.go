package model

import (
	"slices"
	"testing"
)

func TestFilterConditions(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		want    []string
	}{
		{`{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }`,
			[]string{"$.eventName = ConsoleLogin", "$.additionalEventData.MFAUsed != Yes"}},
		{`{($.eventName=ConsoleLogin)&&($.additionalEventData.MFAUsed!="Yes")}`,
			[]string{"$.eventName = ConsoleLogin", "$.additionalEventData.MFAUsed != Yes"}},
		{`{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }`,
			[]string{"$.userIdentity.type = Root", "$.userIdentity.invokedBy NOT EXISTS", "$.eventType != AwsServiceEvent"}},
		{`{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }`,
			[]string{"$.errorCode = *UnauthorizedOperation", "$.errorCode = AccessDenied*"}},
		{`{ ($.errorMessage = "Failed authentication") }`, []string{"$.errorMessage = Failed authentication"}},
		{`[ip, user, ...]`, []string{}},
		{`ERROR`, []string{}},
	} {
		if got := FilterConditions(tc.pattern); !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.pattern, got, tc.want)
		}
	}
}
