package tfaws

import (
	"testing"

	"github.com/vigil-sec/vigil/model"
)

func TestGuardDutyDefault(t *testing.T) {
	if a := mapKind(t, "aws.guardduty.detector", 1, inst("aws_guardduty_detector", "main", map[string]any{}, nil))[0].Attributes.(*model.GuardDutyDetector); !a.Enabled {
		t.Error("a detector is enabled unless enable = false")
	}
}
