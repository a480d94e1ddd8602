package model

// GuardDutyDetector is kind aws.guardduty.detector.
type GuardDutyDetector struct {
	Enabled bool `json:"enabled"`
}
