package drift

import "github.com/vigil-sec/vigil/model"

// coverage answers, from the outcomes of the units of a collection, whether
// a resource that is absent from it was read absent (deleted) or not read
// at all. A resource is unread when a unit covering its kind, account and
// region failed or could not list its kind, and also when units were
// reported but none covers it (the collection did not look there). With no
// units at all (an IaC scan, or a source that reports none) absence is
// taken at its word.
type coverage struct {
	units []model.UnitOutcome
}

// Unread reports whether resources of kind in account and region were
// not (completely) read.
func (c coverage) Unread(kind, account, region string) bool {
	if len(c.units) == 0 {
		return false
	}
	covered := false
	for i := range c.units {
		o := &c.units[i]
		if !o.Covers(kind, account, region) {
			continue
		}
		covered = true
		if o.Status == model.UnitFailed {
			return true
		}
		for _, k := range o.Unread {
			if k == kind {
				return true
			}
		}
	}
	return !covered
}
