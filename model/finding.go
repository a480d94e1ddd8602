package model

import (
	"fmt"
	"strings"
	"time"
)

// Severity of a rule or finding, ordered.
type Severity int

const (
	SeverityUnknown Severity = iota
	SeverityInfo
	SeverityLow
	SeverityMedium
	SeverityHigh
	SeverityCritical
)

var severityNames = [...]string{"unknown", "info", "low", "medium", "high", "critical"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return "unknown"
	}
	return severityNames[s]
}

// ParseSeverity reads a severity name, case-insensitively.
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if i > 0 && strings.EqualFold(strings.TrimSpace(s), n) {
			return Severity(i), nil
		}
	}
	return SeverityUnknown, fmt.Errorf("unknown severity %q (want one of info, low, medium, high, critical)", s)
}

func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Status of a finding.
type Status string

const (
	StatusFail       Status = "fail"
	StatusPass       Status = "pass"
	StatusError      Status = "error"
	StatusSuppressed Status = "suppressed"
)

// Evidence is one attribute path and the value that decided a finding.
type Evidence struct {
	Path  string `json:"path"`
	Value any    `json:"value,omitempty"`
}

// ResourceRef identifies the resource a finding is about.
type ResourceRef struct {
	ID       string `json:"id"`
	Kind     string `json:"kind"`
	Name     string `json:"name,omitempty"`
	Provider string `json:"provider"`
	Account  string `json:"account,omitempty"`
	Region   string `json:"region,omitempty"`
	Source   string `json:"source,omitempty"`
}

// Ref returns the reference to r used in findings.
func (r *Resource) Ref() ResourceRef {
	return ResourceRef{ID: r.ID, Kind: r.Kind, Name: r.Name, Provider: r.Provider,
		Account: r.Account, Region: r.Region, Source: r.Source}
}

// Finding is the verdict of one rule on one resource.
type Finding struct {
	RuleID      string              `json:"rule_id"`
	Title       string              `json:"title"`
	Severity    Severity            `json:"severity"`
	Status      Status              `json:"status"`
	Message     string              `json:"message"`
	Resource    ResourceRef         `json:"resource"`
	Location    *Location           `json:"location,omitempty"`
	Evidence    []Evidence          `json:"evidence,omitempty"`
	Compliance  map[string][]string `json:"compliance,omitempty"`
	Remediation string              `json:"remediation,omitempty"`
	// SuppressedBy explains a suppressed finding.
	SuppressedBy string    `json:"suppressed_by,omitempty"`
	RiskScore    float64   `json:"risk_score,omitempty"`
	FirstSeen    time.Time `json:"first_seen,omitzero"`
	LastSeen     time.Time `json:"last_seen,omitzero"`
	ResolvedAt   time.Time `json:"resolved_at,omitzero"`

	// SuppressionExpired names the suppression that would have silenced
	// this failed finding had it not expired, and when it expired, so the
	// user notices why an accepted finding is back.
	SuppressionExpired string `json:"suppression_expired,omitempty"`
}
