// Package drift compares inventories: two snapshots of the same scope
// (resources added, removed and changed, findings new, resolved and
// reopened), and a Terraform state with the live inventory (managed
// resources changed in the cloud or gone, live resources no state manages).
//
// Drift never mistakes a gap for a change: an attribute unknown on either
// side is not compared, and a resource absent because the unit holding it
// could not be read is "unread", never removed, and its findings stale,
// never resolved.
package drift

import (
	"sort"

	"github.com/vigil-sec/vigil/model"
)

// ResourceDiff is what changed in an inventory between two snapshots.
type ResourceDiff struct {
	Added   []model.ResourceRef `json:"added"`
	Removed []model.ResourceRef `json:"removed"`
	// Unread are resources absent from the later snapshot whose unit could
	// not be read there: not known to be gone.
	Unread  []model.ResourceRef `json:"unread"`
	Changed []ResourceChange    `json:"changed"`
	// Unchanged counts resources in both snapshots with no difference on
	// what could be compared.
	Unchanged int `json:"unchanged"`
}

// ResourceChange is one resource that differs between two versions.
type ResourceChange struct {
	Resource model.ResourceRef `json:"resource"`
	// Address is the Terraform address, for state drift.
	Address string   `json:"address,omitempty"`
	Changes []Change `json:"changes"`
	// NotCompared are the paths unknown on either side: whatever they
	// hold, they are not reported as changes.
	NotCompared []string `json:"not_compared,omitempty"`
}

// key matches a resource across snapshots: its id within its kind.
type key struct{ kind, id string }

func keyOf(r *model.Resource) key { return key{r.Kind, r.ID} }

// Resources compares two inventories of the same scope, matching resources
// by kind and id. units are the outcomes of the collection that produced
// after (nil when it reported none): a resource missing from after whose
// unit failed is unread, not removed. Attributes, tags and relations are
// compared; volatile attributes (an access key's age) are not.
func Resources(before, after []*model.Resource, units []model.UnitOutcome) ResourceDiff {
	d := ResourceDiff{
		Added: []model.ResourceRef{}, Removed: []model.ResourceRef{},
		Unread: []model.ResourceRef{}, Changed: []ResourceChange{},
	}
	old := make(map[key]*model.Resource, len(before))
	for _, r := range before {
		if _, dup := old[keyOf(r)]; !dup {
			old[keyOf(r)] = r
		}
	}
	seen := make(map[key]bool, len(after))
	for _, r := range after {
		k := keyOf(r)
		if seen[k] {
			continue
		}
		seen[k] = true
		b, ok := old[k]
		if !ok {
			d.Added = append(d.Added, r.Ref())
			continue
		}
		changes, unknown := compare(b, r, compareOptions{tags: true, relations: true})
		if len(changes) == 0 {
			d.Unchanged++
			continue
		}
		d.Changed = append(d.Changed, ResourceChange{Resource: r.Ref(), Changes: changes, NotCompared: unknown})
	}
	cov := coverage{units}
	for k, r := range old {
		if seen[k] {
			continue
		}
		if cov.Unread(r.Kind, r.Account, r.Region) {
			d.Unread = append(d.Unread, r.Ref())
		} else {
			d.Removed = append(d.Removed, r.Ref())
		}
	}
	sortRefs(d.Added)
	sortRefs(d.Removed)
	sortRefs(d.Unread)
	sort.Slice(d.Changed, func(i, j int) bool { return refLess(d.Changed[i].Resource, d.Changed[j].Resource) })
	return d
}

func sortRefs(rs []model.ResourceRef) {
	sort.Slice(rs, func(i, j int) bool { return refLess(rs[i], rs[j]) })
}

// refLess orders resources by kind, then id: a diff reads by kind.
func refLess(a, b model.ResourceRef) bool {
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	return a.ID < b.ID
}
