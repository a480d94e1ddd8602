package aws

import (
	"sort"
	"sync"

	"github.com/vigil-sec/vigil/model"
)

// facts gathers region- and account-wide settings from several services
// into the synthetic aws.region and aws.account resources, so "GuardDuty
// is off in eu-west-3" is an ordinary finding on an ordinary resource. A
// fact whose service could not be read stays null (unknown), never false.
type facts struct {
	mu       sync.Mutex
	regions  map[[2]string]*model.AWSRegion
	accounts map[string]*model.AWSAccount
	// multiRegion marks accounts with a logging multi-region trail.
	multiRegion map[string]bool
}

func newFacts() *facts {
	return &facts{regions: map[[2]string]*model.AWSRegion{}, accounts: map[string]*model.AWSAccount{}, multiRegion: map[string]bool{}}
}

// Region fact keys.
const (
	factEBSDefaultEncryption = "ebs_encryption_by_default"
	factGuardDuty            = "guardduty_enabled"
	factConfigRecording      = "config_recording"
	factAccessAnalyzer       = "access_analyzer_enabled"
	factSecurityHub          = "security_hub_enabled"
	factCloudTrail           = "cloudtrail_logging"
)

func (f *facts) setRegion(acct, region, key string, v *bool) {
	f.updateRegion(acct, region, func(r *model.AWSRegion) { setRegionFact(r, key, v) })
}

func setRegionFact(r *model.AWSRegion, key string, v *bool) {
	switch key {
	case factEBSDefaultEncryption:
		r.EBSEncryptionByDefault = v
	case factGuardDuty:
		r.GuardDutyEnabled = v
	case factConfigRecording:
		r.ConfigRecording = v
	case factAccessAnalyzer:
		r.AccessAnalyzerEnabled = v
	case factSecurityHub:
		r.SecurityHubEnabled = v
	case factCloudTrail:
		r.CloudTrailLogging = v
	}
}

// updateRegion changes a region's facts under the lock, for facts that are
// not a simple yes/no.
func (f *facts) updateRegion(acct, region string, fn func(r *model.AWSRegion)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.regions[[2]string{acct, region}]
	if r == nil {
		r = &model.AWSRegion{}
		f.regions[[2]string{acct, region}] = r
	}
	fn(r)
}

func (f *facts) updateAccount(acct string, fn func(a *model.AWSAccount)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	a := f.accounts[acct]
	if a == nil {
		a = &model.AWSAccount{}
		f.accounts[acct] = a
	}
	fn(a)
}

// multiRegionTrail records that a logging multi-region trail covers every
// region of the account, including those whose own calls failed.
func (f *facts) multiRegionTrail(acct string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.multiRegion[acct] = true
}

// resources returns the synthetic resources, in a stable order.
func (f *facts) resources() []*model.Resource {
	f.mu.Lock()
	defer f.mu.Unlock()
	for k, r := range f.regions {
		if f.multiRegion[k[0]] {
			r.CloudTrailLogging = boolPtr(true)
		}
	}
	var out []*model.Resource
	for acct, a := range f.accounts {
		out = append(out, &model.Resource{ID: AccountID(acct), Kind: "aws.account", Provider: "aws",
			Account: acct, Source: model.SourceLive, Name: acct, Attributes: a})
	}
	for k, r := range f.regions {
		out = append(out, &model.Resource{ID: RegionID(k[0], k[1]), Kind: "aws.region", Provider: "aws",
			Account: k[0], Region: k[1], Source: model.SourceLive, Name: k[1], Attributes: r})
	}
	for _, r := range out {
		r.MarkNullUnknown() // a fact that could not be read is unknown, not off
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// AccountID is the id of an account's synthetic resource.
func AccountID(acct string) string { return "arn:aws:::account/" + acct }

// RegionID is the id of a region's synthetic resource.
func RegionID(acct, region string) string { return "arn:aws::" + region + ":" + acct + ":region" }

func boolPtr(b bool) *bool { return &b }
