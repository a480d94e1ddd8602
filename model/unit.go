package model

// Unit is one piece of collection work: an account x region x service of
// a cloud (Region empty for a global service), or a cluster x resource
// type. Units are what a collector declares, what it reports an outcome
// for, and what a store consults before calling a resource gone.
type Unit struct {
	Provider string `json:"provider"`
	Account  string `json:"account"`
	Region   string `json:"region,omitempty"`
	Service  string `json:"service"`
}

// UnitStatus says how much of a unit was read.
type UnitStatus string

const (
	// UnitComplete: every call of the unit answered.
	UnitComplete UnitStatus = "complete"
	// UnitPartial: every resource was listed, but some settings could not
	// be read; they are unknown on the resources (Resource.Unknown).
	UnitPartial UnitStatus = "partial"
	// UnitFailed: a listing failed, so resources of the kinds in Unread
	// may be missing. They are unread, not deleted: their previous state
	// and findings stay, marked stale.
	UnitFailed UnitStatus = "failed"
)

// UnitOutcome is what one unit of collection did.
type UnitOutcome struct {
	Unit
	Status UnitStatus `json:"status"`
	// Kinds are the kinds this unit's service produces.
	Kinds []string `json:"kinds,omitempty"`
	// Unread are the kinds whose resources the unit could not list (all
	// of Kinds when the unit failed as a whole).
	Unread    []string `json:"unread,omitempty"`
	Resources int      `json:"resources"`
	Errors    int      `json:"errors"`
}

// Covers reports whether the outcome speaks for resources of kind in the
// unit's account and region (a global unit covers every region).
func (o *UnitOutcome) Covers(kind, account, region string) bool {
	if o.Account != account || (o.Region != "" && o.Region != region) {
		return false
	}
	for _, k := range o.Kinds {
		if k == kind {
			return true
		}
	}
	return false
}
