package model

// Kinds of this service.
var (
	KindGuardDutyDetector = NewKind[GuardDutyDetector]("aws.guardduty.detector", "GuardDuty detector")
)

// GuardDutyDetector is kind aws.guardduty.detector.
type GuardDutyDetector struct {
	Enabled bool `json:"enabled"`
}
