package aws

import (
	"sort"

	"github.com/vigil-sec/vigil/collect"
	"github.com/vigil-sec/vigil/model"
)

// Region- and account-wide settings come from several services, and
// become the synthetic aws.region and aws.account resources, so
// "GuardDuty is off in eu-west-3" is an ordinary finding on an ordinary
// resource. A unit emits what it read as facts through its recorder; the
// assembler builds the resources once every unit ended, so no unit shares
// mutable state with another. A fact whose unit failed was never emitted:
// it stays null, and null is unknown, never false.

// regionFact sets some of a region's settings.
type regionFact struct {
	account, region string
	set             func(*model.AWSRegion)
}

// accountFact sets some of an account's settings.
type accountFact struct {
	account string
	set     func(*model.AWSAccount)
}

// multiRegionTrail says a logging multi-region trail covers every region
// of the account.
type multiRegionTrail struct{ account string }

// Region fact keys.
const (
	factEBSDefaultEncryption = "ebs_encryption_by_default"
	factGuardDuty            = "guardduty_enabled"
	factConfigRecording      = "config_recording"
	factAccessAnalyzer       = "access_analyzer_enabled"
	factSecurityHub          = "security_hub_enabled"
	factCloudTrail           = "cloudtrail_logging"
)

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

// facts assembles the synthetic resources from the facts units emitted.
// It is only called as units end (add) and once after (resources), under
// the collector's lock.
type facts struct {
	regions  map[[2]string]*model.AWSRegion
	accounts map[string]*model.AWSAccount
	// multiRegion marks accounts with a logging multi-region trail.
	multiRegion map[string]bool
}

func newFacts() *facts {
	return &facts{regions: map[[2]string]*model.AWSRegion{}, accounts: map[string]*model.AWSAccount{}, multiRegion: map[string]bool{}}
}

// add applies one ended unit's facts, in the order the unit read them.
func (f *facts) add(unitFacts []any) {
	for _, x := range unitFacts {
		switch x := x.(type) {
		case regionFact:
			k := [2]string{x.account, x.region}
			r := f.regions[k]
			if r == nil {
				r = &model.AWSRegion{}
				f.regions[k] = r
			}
			x.set(r)
		case accountFact:
			a := f.accounts[x.account]
			if a == nil {
				a = &model.AWSAccount{}
				f.accounts[x.account] = a
			}
			x.set(a)
		case multiRegionTrail:
			f.multiRegion[x.account] = true
		}
	}
}

// emit hands the synthetic resources to sink, in a stable order.
func (f *facts) emit(sink collect.Sink) {
	for k, r := range f.regions {
		if f.multiRegion[k[0]] {
			r.CloudTrailLogging = boolPtr(true)
		}
	}
	var out []*model.Resource
	for acct, a := range f.accounts {
		r := model.KindAWSAccount.Resource(AccountID(acct), a)
		r.Provider, r.Account, r.Source, r.Name = "aws", acct, model.SourceLive, acct
		out = append(out, r)
	}
	for k, a := range f.regions {
		r := model.KindAWSRegion.Resource(RegionID(k[0], k[1]), a)
		r.Provider, r.Account, r.Region, r.Source, r.Name = "aws", k[0], k[1], model.SourceLive, k[1]
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	for _, r := range out {
		r.MarkNullUnknown() // a fact that could not be read is unknown, not off
		sink.Resource(r)
	}
}

// AccountID is the id of an account's synthetic resource.
func AccountID(acct string) string { return "arn:aws:::account/" + acct }

// RegionID is the id of a region's synthetic resource.
func RegionID(acct, region string) string { return "arn:aws::" + region + ":" + acct + ":region" }

func boolPtr(b bool) *bool { return &b }
