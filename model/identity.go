package model

import (
	"crypto/sha256"
	"encoding/hex"
)

// FindingKey is what makes a finding the same finding from one scan to the
// next: the rule, the resource, and the scope the resource lives in (the
// IaC file, or the provider, account and region of a live resource). Line
// numbers, messages and severities are left out, so moving a block or
// rewording a rule does not reopen a finding.
type FindingKey struct {
	RuleID   string `json:"rule_id"`
	Resource string `json:"resource"`
	Scope    string `json:"scope,omitempty"`
}

// Key returns the finding's stable identity.
func (f *Finding) Key() FindingKey {
	k := FindingKey{RuleID: f.RuleID, Resource: f.Resource.ID}
	switch {
	case f.Location != nil && f.Location.File != "":
		k.Scope = f.Location.File
	case f.Resource.Account != "" || f.Resource.Region != "":
		k.Scope = f.Resource.Provider + "/" + f.Resource.Account + "/" + f.Resource.Region
	}
	return k
}

// Fingerprint is the key as a short hex string, for stores and for
// formats that carry one (SARIF's partialFingerprints). IaC findings keep
// the fingerprints Vigil has always given them.
func (k FindingKey) Fingerprint() string {
	sum := sha256.Sum256([]byte(k.RuleID + "\x00" + k.Resource + "\x00" + k.Scope))
	return hex.EncodeToString(sum[:16])
}

// Fingerprint is shorthand for f.Key().Fingerprint().
func (f *Finding) Fingerprint() string { return f.Key().Fingerprint() }
